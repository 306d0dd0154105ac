#![forbid(unsafe_code)]

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::io::{self, BufRead, Write};
use std::process::ExitCode;

/// Counts words in the files named on the command line (or standard input) and prints the
/// most frequent ones: `wordfreq [-n TOP] [FILE...]`.
fn main() -> ExitCode {
    let mut args: Vec<String> = env::args().skip(1).collect();
    let mut top = 10usize;
    if args.first().map(String::as_str) == Some("-n") {
        if args.len() < 2 {
            eprintln!("wordfreq: -n needs a number");
            return ExitCode::from(2);
        }
        top = match args[1].parse() {
            Ok(n) => n,
            Err(_) => {
                eprintln!("wordfreq: {:?} is not a number", args[1]);
                return ExitCode::from(2);
            }
        };
        args.drain(..2);
    }

    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    if args.is_empty() {
        let stdin = io::stdin();
        for line in stdin.lock().lines() {
            match line {
                Ok(line) => count_words(&line, &mut counts),
                Err(e) => {
                    eprintln!("wordfreq: reading stdin: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
    } else {
        for path in &args {
            match fs::read_to_string(path) {
                Ok(text) => text.lines().for_each(|line| count_words(line, &mut counts)),
                Err(e) => {
                    eprintln!("wordfreq: {path}: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
    }

    let mut ranked: Vec<(&String, &usize)> = counts.iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for (word, count) in ranked.into_iter().take(top) {
        if writeln!(out, "{count:>8} {word}").is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}

fn count_words(line: &str, counts: &mut BTreeMap<String, usize>) {
    for word in line.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        let word = word.trim_matches('\'');
        if word.chars().count() >= 2 {
            *counts.entry(word.to_lowercase()).or_insert(0) += 1;
        }
    }
}
