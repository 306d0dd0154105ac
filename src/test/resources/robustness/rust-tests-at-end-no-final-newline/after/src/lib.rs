//! Semantic version parsing and comparison (`MAJOR.MINOR.PATCH[-PRE]`).

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
    pub pre: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseVersionError(String);

impl fmt::Display for ParseVersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid version: {}", self.0)
    }
}

impl FromStr for Version {
    type Err = ParseVersionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (core, pre) = match s.split_once('-') {
            Some((core, pre)) if !pre.is_empty() => (core, Some(pre.to_string())),
            Some(_) => return Err(ParseVersionError(format!("{s:?} has an empty pre-release"))),
            None => (s, None),
        };
        let parts: Vec<&str> = core.split('.').collect();
        if parts.len() != 3 {
            return Err(ParseVersionError(format!("{s:?} needs three numbers")));
        }
        let number = |part: &str| {
            part.parse::<u64>()
                .map_err(|_| ParseVersionError(format!("{part:?} in {s:?} is not a number")))
        };
        Ok(Version { major: number(parts[0])?, minor: number(parts[1])?, patch: number(parts[2])?, pre })
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)?;
        if let Some(pre) = &self.pre {
            write!(f, "-{pre}")?;
        }
        Ok(())
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.major, self.minor, self.patch)
            .cmp(&(other.major, other.minor, other.patch))
            .then_with(|| match (&self.pre, &other.pre) {
                (None, None) => Ordering::Equal,
                (None, Some(_)) => Ordering::Greater,
                (Some(_), None) => Ordering::Less,
                (Some(a), Some(b)) => a.cmp(b),
            })
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Version {
    /// True when `self` can replace `other` without breaking callers (same major, not older).
    /// Before 1.0.0 every minor release may break, so the minor must match too.
    pub fn is_compatible_with(&self, other: &Version) -> bool {
        if self.major != other.major || self < other {
            return false;
        }
        self.major > 0 || self.minor == other.minor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_prints() {
        assert_eq!(v("1.2.3").to_string(), "1.2.3");
        assert_eq!(v("1.0.0-rc.1").pre.as_deref(), Some("rc.1"));
    }

    #[test]
    fn release_is_newer_than_pre_release() {
        assert!(v("1.0.0") > v("1.0.0-rc.1"));
        assert!(v("1.0.1-alpha") > v("1.0.0"));
    }

    #[test]
    fn rejects_garbage() {
        assert!("1.2".parse::<Version>().is_err());
        assert!("1.x.3".parse::<Version>().is_err());
        assert!("1.2.3-".parse::<Version>().is_err());
    }

    #[test]
    fn compatibility_follows_caret_rules() {
        assert!(v("1.4.0").is_compatible_with(&v("1.2.9")));
        assert!(!v("2.0.0").is_compatible_with(&v("1.9.0")));
        assert!(!v("0.3.0").is_compatible_with(&v("0.2.0")));
        assert!(v("0.2.5").is_compatible_with(&v("0.2.1")));
    }
}