//! The expression language of form definitions: a lexer and a
//! recursive-descent parser into `Expr`. `docs/form-definitions.md` is the
//! reference for authors; `eval` interprets the tree.
//!
//! Precedence, lowest first: `or`, `and`, `not`, comparisons, `+ -`, `* /`,
//! unary `-`. Errors carry the 1-based column so a definition author can find
//! the mistake in a long expression.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Num(f64),
    Text(String),
    Bool(bool),
    /// `.`: the answer of the question whose constraint is being checked.
    This,
    /// A question id, or `matrix.row` for one matrix cell.
    Ref(String, Option<String>),
    Not(Box<Expr>),
    Neg(Box<Expr>),
    Binary(Op, Box<Expr>, Box<Expr>),
    Call(Func, Vec<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Selected,
    Count,
    Answered,
    Len,
    Matches,
    Round,
    Min,
    Max,
    If,
    Sum,
    Today,
    Year,
    Coalesce,
}

impl Func {
    fn by_name(name: &str) -> Option<Func> {
        Some(match name {
            "selected" => Func::Selected,
            "count" => Func::Count,
            "answered" => Func::Answered,
            "len" => Func::Len,
            "matches" => Func::Matches,
            "round" => Func::Round,
            "min" => Func::Min,
            "max" => Func::Max,
            "if" => Func::If,
            "sum" => Func::Sum,
            "today" => Func::Today,
            "year" => Func::Year,
            "coalesce" => Func::Coalesce,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Func::Selected => "selected",
            Func::Count => "count",
            Func::Answered => "answered",
            Func::Len => "len",
            Func::Matches => "matches",
            Func::Round => "round",
            Func::Min => "min",
            Func::Max => "max",
            Func::If => "if",
            Func::Sum => "sum",
            Func::Today => "today",
            Func::Year => "year",
            Func::Coalesce => "coalesce",
        }
    }

    /// The smallest and largest number of arguments.
    fn arity(self) -> (usize, usize) {
        match self {
            Func::Today => (0, 0),
            Func::Count | Func::Answered | Func::Len | Func::Year => (1, 1),
            Func::Selected | Func::Matches | Func::Round | Func::Sum | Func::Coalesce => (2, 2),
            Func::If => (3, 3),
            Func::Min | Func::Max => (1, usize::MAX),
        }
    }

    /// Functions whose first argument names a question rather than its value.
    pub fn takes_question(self) -> bool {
        matches!(self, Func::Selected | Func::Count | Func::Answered | Func::Sum)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    /// 1-based character column in the expression.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.column, self.message)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    Text(String),
    Ident(String),
    Dot,
    Comma,
    LParen,
    RParen,
    Op(&'static str),
    End,
}

fn lex(src: &str) -> Result<Vec<(Tok, usize)>, ExprError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let err = |at: usize, message: String| ExprError { column: at + 1, message };
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let tok = if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_ascii_digit() || (chars[i] == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()))) {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            Tok::Num(text.parse().map_err(|_| err(start, format!("'{text}' is not a number")))?)
        } else if c.is_ascii_alphabetic() || c == '_' {
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            Tok::Ident(chars[start..i].iter().collect())
        } else if c == '\'' || c == '"' {
            i += 1;
            let mut text = String::new();
            loop {
                match chars.get(i) {
                    None => return Err(err(start, "text is not closed with a matching quote".into())),
                    Some(&q) if q == c => break,
                    Some(&ch) => text.push(ch),
                }
                i += 1;
            }
            i += 1;
            Tok::Text(text)
        } else {
            let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
            let (tok, len) = match (two.as_str(), c) {
                ("!=", _) => (Tok::Op("!="), 2),
                ("<=", _) => (Tok::Op("<="), 2),
                (">=", _) => (Tok::Op(">="), 2),
                (_, '=') => (Tok::Op("="), 1),
                (_, '<') => (Tok::Op("<"), 1),
                (_, '>') => (Tok::Op(">"), 1),
                (_, '+') => (Tok::Op("+"), 1),
                (_, '-') => (Tok::Op("-"), 1),
                (_, '*') => (Tok::Op("*"), 1),
                (_, '/') => (Tok::Op("/"), 1),
                (_, '(') => (Tok::LParen, 1),
                (_, ')') => (Tok::RParen, 1),
                (_, ',') => (Tok::Comma, 1),
                (_, '.') => (Tok::Dot, 1),
                _ => return Err(err(start, format!("unexpected character '{c}'"))),
            };
            i += len;
            tok
        };
        out.push((tok, start));
    }
    out.push((Tok::End, chars.len()));
    Ok(out)
}

struct Parser {
    toks: Vec<(Tok, usize)>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.toks[self.pos].0
    }

    fn column(&self) -> usize {
        self.toks[self.pos].1 + 1
    }

    fn next(&mut self) -> Tok {
        let t = self.toks[self.pos].0.clone();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    fn fail<T>(&self, message: impl Into<String>) -> Result<T, ExprError> {
        Err(ExprError { column: self.column(), message: message.into() })
    }

    fn is_word(&self, word: &str) -> bool {
        matches!(self.peek(), Tok::Ident(w) if w == word)
    }

    fn or(&mut self) -> Result<Expr, ExprError> {
        let mut left = self.and()?;
        while self.is_word("or") {
            self.next();
            left = Expr::Binary(Op::Or, Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, ExprError> {
        let mut left = self.not()?;
        while self.is_word("and") {
            self.next();
            left = Expr::Binary(Op::And, Box::new(left), Box::new(self.not()?));
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Expr, ExprError> {
        if self.is_word("not") {
            self.next();
            return Ok(Expr::Not(Box::new(self.not()?)));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr, ExprError> {
        let left = self.sum()?;
        let op = match self.peek() {
            Tok::Op("=") => Op::Eq,
            Tok::Op("!=") => Op::Ne,
            Tok::Op("<") => Op::Lt,
            Tok::Op("<=") => Op::Le,
            Tok::Op(">") => Op::Gt,
            Tok::Op(">=") => Op::Ge,
            _ => return Ok(left),
        };
        self.next();
        let right = self.sum()?;
        if matches!(self.peek(), Tok::Op("=" | "!=" | "<" | "<=" | ">" | ">=")) {
            return self.fail("comparisons cannot be chained; join them with 'and'");
        }
        Ok(Expr::Binary(op, Box::new(left), Box::new(right)))
    }

    fn sum(&mut self) -> Result<Expr, ExprError> {
        let mut left = self.product()?;
        loop {
            let op = match self.peek() {
                Tok::Op("+") => Op::Add,
                Tok::Op("-") => Op::Sub,
                _ => return Ok(left),
            };
            self.next();
            left = Expr::Binary(op, Box::new(left), Box::new(self.product()?));
        }
    }

    fn product(&mut self) -> Result<Expr, ExprError> {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek() {
                Tok::Op("*") => Op::Mul,
                Tok::Op("/") => Op::Div,
                _ => return Ok(left),
            };
            self.next();
            left = Expr::Binary(op, Box::new(left), Box::new(self.unary()?));
        }
    }

    fn unary(&mut self) -> Result<Expr, ExprError> {
        if matches!(self.peek(), Tok::Op("-")) {
            self.next();
            return Ok(Expr::Neg(Box::new(self.unary()?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, ExprError> {
        let column = self.column();
        match self.next() {
            Tok::Num(n) => Ok(Expr::Num(n)),
            Tok::Text(t) => Ok(Expr::Text(t)),
            Tok::Dot => Ok(Expr::This),
            Tok::LParen => {
                let inner = self.or()?;
                if self.next() != Tok::RParen {
                    return Err(ExprError { column, message: "this '(' is never closed".into() });
                }
                Ok(inner)
            }
            Tok::Ident(word) => match word.as_str() {
                "true" => Ok(Expr::Bool(true)),
                "false" => Ok(Expr::Bool(false)),
                "and" | "or" | "not" => Err(ExprError { column, message: format!("'{word}' needs a value before it") }),
                _ if *self.peek() == Tok::LParen => self.call(word, column),
                _ if *self.peek() == Tok::Dot => {
                    self.next();
                    match self.next() {
                        Tok::Ident(row) => Ok(Expr::Ref(word, Some(row))),
                        _ => Err(ExprError { column, message: format!("'{word}.' must be followed by a row id") }),
                    }
                }
                _ => Ok(Expr::Ref(word, None)),
            },
            Tok::End => Err(ExprError { column, message: "the expression ends too early".into() }),
            other => Err(ExprError { column, message: format!("unexpected {}", describe(&other)) }),
        }
    }

    fn call(&mut self, name: String, column: usize) -> Result<Expr, ExprError> {
        let func = Func::by_name(&name).ok_or_else(|| ExprError { column, message: format!("unknown function '{name}'") })?;
        self.next(); // (
        let mut args = Vec::new();
        if *self.peek() != Tok::RParen {
            loop {
                args.push(self.or()?);
                match self.next() {
                    Tok::Comma => continue,
                    Tok::RParen => break,
                    _ => return Err(ExprError { column, message: format!("'{name}(' is never closed") }),
                }
            }
        } else {
            self.next();
        }
        let (lo, hi) = func.arity();
        if args.len() < lo || args.len() > hi {
            let wanted = if lo == hi { format!("{lo}") } else { format!("at least {lo}") };
            return Err(ExprError { column, message: format!("{name}() takes {wanted} argument(s), not {}", args.len()) });
        }
        if func.takes_question() && !matches!(args[0], Expr::Ref(..)) {
            return Err(ExprError { column, message: format!("the first argument of {name}() must be a question id") });
        }
        if matches!(func, Func::Sum) && !matches!(args[1], Expr::Text(_)) {
            return Err(ExprError { column, message: "the second argument of sum() must be a sub-question id in quotes".into() });
        }
        Ok(Expr::Call(func, args))
    }
}

fn describe(t: &Tok) -> String {
    match t {
        Tok::Num(n) => format!("number {n}"),
        Tok::Text(s) => format!("text '{s}'"),
        Tok::Ident(w) => format!("'{w}'"),
        Tok::Dot => "'.'".into(),
        Tok::Comma => "','".into(),
        Tok::LParen => "'('".into(),
        Tok::RParen => "')'".into(),
        Tok::Op(o) => format!("'{o}'"),
        Tok::End => "end".into(),
    }
}

pub fn parse(src: &str) -> Result<Expr, ExprError> {
    let mut p = Parser { toks: lex(src)?, pos: 0 };
    let expr = p.or()?;
    match p.peek() {
        Tok::End => Ok(expr),
        other => {
            let what = describe(other);
            p.fail(format!("unexpected {what}; an operator such as 'and' may be missing"))
        }
    }
}

impl Expr {
    /// Every question this expression names: `(id, matrix row)`.
    pub fn references(&self, out: &mut Vec<(String, Option<String>)>) {
        match self {
            Expr::Ref(id, row) => out.push((id.clone(), row.clone())),
            Expr::Not(e) | Expr::Neg(e) => e.references(out),
            Expr::Binary(_, a, b) => {
                a.references(out);
                b.references(out);
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.references(out)),
            Expr::Num(_) | Expr::Text(_) | Expr::Bool(_) | Expr::This => {}
        }
    }

    /// `(repeat, sub-question)` of every `sum(repeat, 'sub')` in this expression.
    pub fn sums(&self, out: &mut Vec<(String, String)>) {
        match self {
            Expr::Call(Func::Sum, args) => {
                if let (Some(Expr::Ref(rep, None)), Some(Expr::Text(sub))) = (args.first(), args.get(1)) {
                    out.push((rep.clone(), sub.clone()));
                }
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.sums(out)),
            Expr::Not(e) | Expr::Neg(e) => e.sums(out),
            Expr::Binary(_, a, b) => {
                a.sums(out);
                b.sums(out);
            }
            _ => {}
        }
    }

    /// Patterns passed to `matches()` as literals, so they can be checked when the form loads.
    pub fn literal_patterns(&self, out: &mut Vec<String>) {
        match self {
            Expr::Call(Func::Matches, args) => {
                if let Some(Expr::Text(p)) = args.get(1) {
                    out.push(p.clone());
                }
                args.iter().for_each(|a| a.literal_patterns(out));
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.literal_patterns(out)),
            Expr::Not(e) | Expr::Neg(e) => e.literal_patterns(out),
            Expr::Binary(_, a, b) => {
                a.literal_patterns(out);
                b.literal_patterns(out);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(id: &str) -> Box<Expr> {
        Box::new(Expr::Ref(id.into(), None))
    }

    #[test]
    fn precedence_multiplication_before_addition_before_comparison_before_and_before_or() {
        let e = parse("a + b * 2 > 10 and not c or d").unwrap();
        let product = Expr::Binary(Op::Mul, r("b"), Box::new(Expr::Num(2.0)));
        let sum = Expr::Binary(Op::Add, r("a"), Box::new(product));
        let cmp = Expr::Binary(Op::Gt, Box::new(sum), Box::new(Expr::Num(10.0)));
        let and = Expr::Binary(Op::And, Box::new(cmp), Box::new(Expr::Not(r("c"))));
        assert_eq!(e, Expr::Binary(Op::Or, Box::new(and), r("d")));
    }

    #[test]
    fn subtraction_is_left_associative_and_unary_minus_binds_tightest() {
        let e = parse("10 - 3 - -2").unwrap();
        let first = Expr::Binary(Op::Sub, Box::new(Expr::Num(10.0)), Box::new(Expr::Num(3.0)));
        assert_eq!(e, Expr::Binary(Op::Sub, Box::new(first), Box::new(Expr::Neg(Box::new(Expr::Num(2.0))))));
    }

    #[test]
    fn this_cells_calls_and_literals() {
        assert_eq!(parse(". <= revenue").unwrap(), Expr::Binary(Op::Le, Box::new(Expr::This), r("revenue")));
        assert_eq!(parse("tools.kaizen").unwrap(), Expr::Ref("tools".into(), Some("kaizen".into())));
        assert_eq!(
            parse("selected(systems, \"iso_9001\")").unwrap(),
            Expr::Call(Func::Selected, vec![Expr::Ref("systems".into(), None), Expr::Text("iso_9001".into())])
        );
        assert_eq!(parse("today()").unwrap(), Expr::Call(Func::Today, vec![]));
        assert_eq!(parse("(1.5)").unwrap(), Expr::Num(1.5));
        assert_eq!(parse("'Đồng Tháp'").unwrap(), Expr::Text("Đồng Tháp".into()));
    }

    #[test]
    fn errors_say_where_and_what() {
        let cases = [
            ("a +", 4, "ends too early"),
            ("(a + b", 1, "never closed"),
            ("a b", 3, "'and' may be missing"),
            ("'open", 1, "not closed"),
            ("a # b", 3, "unexpected character '#'"),
            ("sqrt(4)", 1, "unknown function 'sqrt'"),
            ("round(1)", 1, "takes 2 argument(s), not 1"),
            ("selected('x', 'y')", 1, "must be a question id"),
            ("1 < a < 3", 7, "cannot be chained"),
            ("and a", 1, "needs a value"),
            ("m.", 1, "followed by a row id"),
        ];
        for (src, column, text) in cases {
            let err = parse(src).unwrap_err();
            assert_eq!(err.column, column, "{src}: {err}");
            assert!(err.message.contains(text), "{src}: {err}");
        }
    }

    #[test]
    fn references_and_patterns_are_collected() {
        let e = parse("if(answered(a), matches(b, '^0[0-9]+$'), m.r > c)").unwrap();
        let mut refs = Vec::new();
        e.references(&mut refs);
        assert_eq!(refs, vec![("a".into(), None), ("b".into(), None), ("m".into(), Some("r".into())), ("c".into(), None)]);
        let mut pats = Vec::new();
        e.literal_patterns(&mut pats);
        assert_eq!(pats, vec!["^0[0-9]+$".to_string()]);
    }
}
