//! Process exit codes, documented in README.md and `morgue --help`.

use crate::error::Error;

/// How a morgue command ended, as a process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// Everything worked.
    Success,
    /// The run finished, but some files could not be indexed (they are reported and recorded).
    PartialFailure,
    /// Usage error, bad query or date, or a fatal error.
    Error,
    /// Another indexer holds the index lock.
    Locked,
}

impl ExitCode {
    /// The numeric process exit status.
    pub fn code(self) -> i32 {
        match self {
            ExitCode::Success => 0,
            ExitCode::PartialFailure => 1,
            ExitCode::Error => 2,
            ExitCode::Locked => 3,
        }
    }

    /// The exit code that reports `err`.
    pub fn for_error(err: &Error) -> ExitCode {
        match err {
            Error::Locked(_) => ExitCode::Locked,
            _ => ExitCode::Error,
        }
    }
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(code: ExitCode) -> Self {
        std::process::ExitCode::from(code.code() as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_documented_values() {
        let codes = [
            ExitCode::Success,
            ExitCode::PartialFailure,
            ExitCode::Error,
            ExitCode::Locked,
        ];
        let nums: Vec<i32> = codes.iter().map(|c| c.code()).collect();
        assert_eq!(nums, vec![0, 1, 2, 3]);
    }

    #[test]
    fn lock_error_maps_to_locked() {
        let err = Error::Locked("x".into());
        assert_eq!(ExitCode::for_error(&err), ExitCode::Locked);
        let err = Error::Usage("bad".into());
        assert_eq!(ExitCode::for_error(&err), ExitCode::Error);
    }
}
