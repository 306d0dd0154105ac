//! Proxy configuration, read from `proxy.toml` and overridable from the environment.

use serde::Deserialize;
use std::{env, fs, path::Path, time::Duration};

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub listen: String,
    pub upstream: String,
    #[serde(default = "default_max_conn")]
    pub max_conn: usize,
    #[serde(default = "default_timeout_secs")]
    pub timeout_secs: u64,
    #[serde(default)]
    pub allow_insecure_upstream: bool,
}

fn default_max_conn() -> usize {
    256
}

fn default_timeout_secs() -> u64 {
    30
}

#[derive(Debug)]
pub enum ConfigError {
    Io(std::io::Error),
    Parse(toml::de::Error),
    Invalid(String),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::Io(e) => write!(f, "cannot read config: {e}"),
            ConfigError::Parse(e) => write!(f, "invalid config: {e}"),
            ConfigError::Invalid(msg) => write!(f, "invalid config: {msg}"),
        }
    }
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = fs::read_to_string(path).map_err(ConfigError::Io)?;
        let mut config: Config = toml::from_str(&text).map_err(ConfigError::Parse)?;
        config.apply_env()?;
        config.validate()?;
        Ok(config)
    }

    fn apply_env(&mut self) -> Result<(), ConfigError> {
        if let Ok(value) = env::var("PROXY_MAX_CONN") {
            self.max_conn = value
                .parse()
                .map_err(|_| ConfigError::Invalid(format!("PROXY_MAX_CONN={value} is not a number")))?;
        }
        if let Ok(value) = env::var("PROXY_UPSTREAM") {
            self.upstream = value;
        }
        Ok(())
    }

    fn validate(&self) -> Result<(), ConfigError> {
        if self.max_conn == 0 {
            return Err(ConfigError::Invalid("max_conn must be at least 1".into()));
        }
        if self.upstream.starts_with("http://") && !self.allow_insecure_upstream {
            return Err(ConfigError::Invalid(format!(
                "upstream {} is plain http; set allow_insecure_upstream = true to allow it",
                self.upstream
            )));
        }
        Ok(())
    }

    pub fn timeout(&self) -> Duration {
        Duration::from_secs(self.timeout_secs)
    }

    /// Connections each worker may hold, never less than one.
    pub fn per_worker(&self, workers: usize) -> usize {
        (self.max_conn / workers.max(1)).max(1)
    }
}
