#![allow(clippy::mutable_key_type)]
//! Reads terms written the way `inspect/2` writes them (with `charlists: :as_lists`
//! and `structs: false`), so recorded Elixir terms can be rebuilt in tests.

use std::collections::BTreeMap;
use std::rc::Rc;

use runtime_core::atom::Atom;
use runtime_core::bigint::BigInt;
use runtime_core::term_order::MapKey;
use runtime_core::value::{Closure, Pid, Value};

/// Parses one term; the whole text must be consumed.
pub fn read_term(text: &str) -> Result<Value, String> {
    let mut reader = Reader { s: text, pos: 0 };
    let value = reader.term()?;
    reader.skip_spaces();
    if reader.pos != text.len() {
        return Err(reader.error("trailing text"));
    }
    Ok(value)
}

struct Reader<'a> {
    s: &'a str,
    pos: usize,
}

const OPERATOR_ATOMS: &[&str] = &[
    "%{}", "{}", "<<>>", "..//", "...", "..", "->", "%", "\\\\", "<-", "::", "||", "|||", "|>",
    "&&&", "&&", "===", "!==", "==", "!=", "=~", "<=", ">=", "<<<", ">>>", "<<~", "~>>", "<~>",
    "<~", "~>", "<|>", "^^^", "~~~", "++", "--", "<>", "+++", "---", "**", "|", "=", "<", ">", "+",
    "-", "*", "/", "&", "!", "^", "@", ".",
];

impl<'a> Reader<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    fn error(&self, what: &str) -> String {
        format!("{what} at byte {} of {:?}", self.pos, self.s)
    }

    fn skip_spaces(&mut self) {
        let trimmed = self.rest().trim_start();
        self.pos = self.s.len() - trimmed.len();
    }

    fn eat(&mut self, token: &str) -> bool {
        if self.rest().starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, token: &str) -> Result<(), String> {
        if self.eat(token) {
            Ok(())
        } else {
            Err(self.error(&format!("expected {token:?}")))
        }
    }

    fn term(&mut self) -> Result<Value, String> {
        self.skip_spaces();
        let rest = self.rest();
        let first = rest
            .chars()
            .next()
            .ok_or_else(|| self.error("unexpected end"))?;
        match first {
            '[' => self.list(),
            '{' => {
                self.pos += 1;
                let items = self.sequence('}')?;
                Ok(Value::tuple(items))
            }
            '%' if rest.starts_with("%{") => self.map(),
            '"' => Ok(Value::Str(Rc::from(self.string('"')?.as_str()))),
            '<' if rest.starts_with("<<") => self.binary(),
            ':' => {
                self.pos += 1;
                Ok(Value::Atom(self.atom_after_colon()?))
            }
            '#' if rest.starts_with("#PID<0.") => {
                self.pos += "#PID<0.".len();
                let n = self.digits();
                self.expect(".0>")?;
                Ok(Value::Pid(Pid(n.parse().map_err(|_| self.error("pid"))?)))
            }
            '&' => self.capture(),
            c if c == '-' || c.is_ascii_digit() => self.number(),
            c if c.is_ascii_uppercase() => Ok(Value::Atom(self.alias())),
            _ => {
                let word = self.word();
                match word {
                    "true" | "false" | "nil" => Ok(Value::atom(word)),
                    _ => Err(self.error("unknown term")),
                }
            }
        }
    }

    fn digits(&mut self) -> &'a str {
        let rest = self.rest();
        let n = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        self.pos += n;
        &rest[..n]
    }

    fn word(&mut self) -> &'a str {
        let rest = self.rest();
        let n = rest.len()
            - rest
                .trim_start_matches(|c: char| {
                    c.is_alphanumeric() || c == '_' || c == '@' || c == '.'
                })
                .len();
        let mut n = n;
        if rest[n..].starts_with(['?', '!']) {
            n += 1;
        }
        self.pos += n;
        &rest[..n]
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.pos;
        self.eat("-");
        self.digits();
        let mut is_float = false;
        if self.rest().starts_with('.')
            && self.rest()[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            is_float = true;
            self.pos += 1;
            self.digits();
            if self.eat("e") {
                self.eat("-");
                self.digits();
            }
        }
        let text = &self.s[start..self.pos];
        if is_float {
            text.parse::<f64>()
                .map(Value::Float)
                .map_err(|_| self.error("float"))
        } else {
            text.parse::<BigInt>()
                .map(Value::from_bigint)
                .map_err(|_| self.error("integer"))
        }
    }

    fn alias(&mut self) -> Atom {
        let name = self.word();
        if name == "Elixir" || name.starts_with("Elixir.") {
            Atom::intern(name)
        } else {
            Atom::intern(&format!("Elixir.{name}"))
        }
    }

    fn atom_after_colon(&mut self) -> Result<Atom, String> {
        if self.rest().starts_with('"') {
            return Ok(Atom::intern(&self.string('"')?));
        }
        if let Some(op) = OPERATOR_ATOMS
            .iter()
            .find(|op| self.rest().starts_with(**op))
        {
            // An operator, unless it is the start of a longer name.
            self.pos += op.len();
            return Ok(Atom::intern(op));
        }
        let name = self.word();
        if name.is_empty() {
            return Err(self.error("atom"));
        }
        Ok(Atom::intern(name))
    }

    /// A quoted string's contents, with Elixir's escapes undone.
    fn string(&mut self, quote: char) -> Result<String, String> {
        self.expect(&quote.to_string())?;
        let mut out = String::new();
        loop {
            let c = self
                .rest()
                .chars()
                .next()
                .ok_or_else(|| self.error("unterminated"))?;
            self.pos += c.len_utf8();
            if c == quote {
                return Ok(out);
            }
            if c != '\\' {
                out.push(c);
                continue;
            }
            let e = self
                .rest()
                .chars()
                .next()
                .ok_or_else(|| self.error("escape"))?;
            self.pos += e.len_utf8();
            match e {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'e' => out.push('\u{1b}'),
                'a' => out.push('\u{7}'),
                'b' => out.push('\u{8}'),
                'd' => out.push('\u{7f}'),
                'f' => out.push('\u{c}'),
                'v' => out.push('\u{b}'),
                '0' => out.push('\0'),
                'x' => {
                    let hex = if self.eat("{") {
                        let rest = self.rest();
                        let end = rest.find('}').ok_or_else(|| self.error("\\x{"))?;
                        self.pos += end + 1;
                        &rest[..end]
                    } else {
                        let hex = &self.rest()[..2];
                        self.pos += 2;
                        hex
                    };
                    let n = u32::from_str_radix(hex, 16).map_err(|_| self.error("hex"))?;
                    out.push(char::from_u32(n).ok_or_else(|| self.error("code point"))?);
                }
                'u' => {
                    let hex = &self.rest()[..4];
                    self.pos += 4;
                    let n = u32::from_str_radix(hex, 16).map_err(|_| self.error("hex"))?;
                    out.push(char::from_u32(n).ok_or_else(|| self.error("code point"))?);
                }
                other => out.push(other),
            }
        }
    }

    fn binary(&mut self) -> Result<Value, String> {
        self.expect("<<")?;
        let mut bytes = Vec::new();
        loop {
            self.skip_spaces();
            if self.eat(">>") {
                break;
            }
            let n: u8 = self.digits().parse().map_err(|_| self.error("byte"))?;
            bytes.push(n);
            self.skip_spaces();
            self.eat(",");
        }
        let text = String::from_utf8(bytes).map_err(|_| self.error("binary is not UTF-8"))?;
        Ok(Value::Str(Rc::from(text.as_str())))
    }

    /// `key: ` at the current position, if there is one.
    fn keyword_key(&mut self) -> Result<Option<Atom>, String> {
        self.skip_spaces();
        let start = self.pos;
        if self.rest().starts_with('"') {
            let name = self.string('"')?;
            if self.eat(": ") {
                return Ok(Some(Atom::intern(&name)));
            }
            self.pos = start;
            return Ok(None);
        }
        let rest = self.rest();
        let run = rest.find([' ', ',', ']', '}']).unwrap_or(rest.len());
        let token = &rest[..run];
        let is_key = token.len() > 1
            && token.ends_with(':')
            && !token.contains(['{', '}', '[', ']'])
            && rest[run..].starts_with(' ');
        if is_key {
            self.pos += run + 1;
            return Ok(Some(Atom::intern(&token[..token.len() - 1])));
        }
        Ok(None)
    }

    /// Elements up to `close`, keyword pairs read as `{key, value}` tuples.
    fn sequence(&mut self, close: char) -> Result<Vec<Value>, String> {
        let mut items = Vec::new();
        loop {
            self.skip_spaces();
            if self.eat(&close.to_string()) {
                return Ok(items);
            }
            if !items.is_empty() {
                self.expect(",")?;
            }
            items.push(self.element()?);
        }
    }

    fn element(&mut self) -> Result<Value, String> {
        match self.keyword_key()? {
            Some(key) => Ok(Value::tuple(vec![Value::Atom(key), self.term()?])),
            None => self.term(),
        }
    }

    fn list(&mut self) -> Result<Value, String> {
        self.expect("[")?;
        let mut items = Vec::new();
        loop {
            self.skip_spaces();
            if self.eat("]") {
                return Ok(Value::list(items));
            }
            if self.eat("|") {
                let tail = self.term()?;
                self.skip_spaces();
                self.expect("]")?;
                return Ok(Value::list_with_tail(items, tail));
            }
            if !items.is_empty() {
                self.expect(",")?;
            }
            items.push(self.element()?);
        }
    }

    fn map(&mut self) -> Result<Value, String> {
        self.expect("%{")?;
        let mut map = BTreeMap::new();
        loop {
            self.skip_spaces();
            if self.eat("}") {
                return Ok(Value::map(map));
            }
            if !map.is_empty() {
                self.expect(",")?;
            }
            if let Some(key) = self.keyword_key()? {
                map.insert(MapKey(Value::Atom(key)), self.term()?);
            } else {
                let key = self.term()?;
                self.skip_spaces();
                self.expect("=>")?;
                map.insert(MapKey(key), self.term()?);
            }
        }
    }

    fn capture(&mut self) -> Result<Value, String> {
        self.expect("&")?;
        let module = match self.rest().chars().next() {
            Some(':') => {
                self.pos += 1;
                if self.rest().starts_with('"') {
                    Atom::intern(&self.string('"')?)
                } else {
                    let rest = self.rest();
                    let n = rest.find('.').ok_or_else(|| self.error("capture"))?;
                    self.pos += n;
                    Atom::intern(&rest[..n])
                }
            }
            _ => {
                // `Mod.Sub.fun/1`: capitalised segments, then the function's name.
                let rest = self.rest();
                let mut end = 0;
                loop {
                    let segment = rest[end..]
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                        .unwrap_or(rest.len() - end);
                    end += segment;
                    let next = &rest[end..];
                    if next.starts_with('.')
                        && next[1..].starts_with(|c: char| c.is_ascii_uppercase())
                    {
                        end += 1;
                    } else {
                        break;
                    }
                }
                self.pos += end;
                Atom::intern(&format!("Elixir.{}", &rest[..end]))
            }
        };
        self.expect(".")?;
        let function = if self.rest().starts_with('"') {
            self.string('"')?
        } else {
            // The name ends at the first `/` that the arity follows (`//2` is `/`/2).
            let rest = self.rest();
            let slash = (1..rest.len())
                .find(|&i| {
                    rest[i..].starts_with('/')
                        && rest[i + 1..].starts_with(|c: char| c.is_ascii_digit())
                })
                .ok_or_else(|| self.error("capture"))?;
            self.pos += slash;
            rest[..slash].to_string()
        };
        self.expect("/")?;
        let arity = self.digits().parse().map_err(|_| self.error("arity"))?;
        Ok(Value::Fun(Rc::new(Closure::External {
            module,
            function: Atom::intern(&function),
            arity,
        })))
    }
}
