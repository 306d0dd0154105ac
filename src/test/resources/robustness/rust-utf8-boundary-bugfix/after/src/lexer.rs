//! A lexer for a tiny configuration language: `name = "value"`, numbers, `#` comments.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Ident(String),
    Str(String),
    Number(f64),
    Equals,
    Newline,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LexError {
    pub offset: usize,
    pub message: String,
}

impl fmt::Display for LexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for LexError {}

pub struct Lexer<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Self {
        Lexer { src, pos: 0 }
    }

    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn error(&self, message: impl Into<String>) -> LexError {
        LexError { offset: self.pos, message: message.into() }
    }

    pub fn tokens(mut self) -> Result<Vec<Token>, LexError> {
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            match c {
                ' ' | '\t' | '\r' => {
                    self.bump();
                }
                '\n' => {
                    self.bump();
                    out.push(Token::Newline);
                }
                '#' => {
                    while let Some(c) = self.peek() {
                        if c == '\n' {
                            break;
                        }
                        self.bump();
                    }
                }
                '=' => {
                    self.bump();
                    out.push(Token::Equals);
                }
                '"' => out.push(self.string()?),
                c if c.is_ascii_digit() || c == '-' => out.push(self.number()?),
                c if c.is_alphabetic() || c == '_' => out.push(self.ident()),
                other => return Err(self.error(format!("unexpected character {other:?}"))),
            }
        }
        Ok(out)
    }

    fn string(&mut self) -> Result<Token, LexError> {
        self.bump();
        let mut value = String::new();
        loop {
            match self.bump() {
                Some('"') => return Ok(Token::Str(value)),
                Some('\\') => match self.bump() {
                    Some('n') => value.push('\n'),
                    Some('"') => value.push('"'),
                    Some('\\') => value.push('\\'),
                    other => return Err(self.error(format!("bad escape {other:?}"))),
                },
                Some(c) => value.push(c),
                None => return Err(self.error("unterminated string")),
            }
        }
    }

    fn number(&mut self) -> Result<Token, LexError> {
        let start = self.pos;
        self.bump();
        while matches!(self.peek(), Some(c) if c.is_ascii_digit() || c == '.') {
            self.bump();
        }
        let text = &self.src[start..self.pos];
        text.parse::<f64>()
            .map(Token::Number)
            .map_err(|_| LexError { offset: start, message: format!("bad number {text:?}") })
    }

    fn ident(&mut self) -> Token {
        let start = self.pos;
        while matches!(self.peek(), Some(c) if c.is_alphanumeric() || c == '_') {
            self.bump();
        }
        Token::Ident(self.src[start..self.pos].to_string())
    }
}
