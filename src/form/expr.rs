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

/// How many brackets, unary `-`, `not` and function calls may sit one inside
/// another. Real rules use a handful. The parser goes eight calls deeper for
/// each bracket, about 2 KiB of stack in a release build and 10 KiB in a debug
/// one, and a stack overflow in wasm (1 MiB of stack) ends the whole page.
pub const MAX_NESTING: usize = 32;

/// How tall the parsed tree may grow, counting each operator of a chain such as
/// `a + b + c` as a level: the evaluator, the checks run at load and dropping
/// the tree all walk it recursively, about 1 KiB a level in a debug build.
pub const MAX_HEIGHT: usize = 128;

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
            let n: f64 = text.parse().map_err(|_| err(start, format!("'{text}' is not a number")))?;
            // Hundreds of digits read as infinity, which no rule means.
            if !n.is_finite() {
                return Err(err(start, "this number is too large".into()));
            }
            Tok::Num(n)
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
    /// Brackets, unary operators and calls open around the token being read.
    nesting: usize,
}

/// A parsed subtree and its height (a leaf is 1), so a chain of operators is
/// refused as it grows, before a tree too tall to walk exists.
type Node = (Expr, usize);

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

    /// Goes one level of nesting deeper; `column` is where the level opens.
    fn enter(&mut self, column: usize) -> Result<(), ExprError> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            let message = format!("the expression nests more than {MAX_NESTING} levels of brackets, '-', 'not' or function calls");
            return Err(ExprError { column, message });
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.nesting -= 1;
    }

    /// A node over children of height `below`, unless that makes the tree too tall.
    fn node(&self, expr: Expr, below: usize) -> Result<Node, ExprError> {
        if below >= MAX_HEIGHT {
            return self.fail(format!("the expression is more than {MAX_HEIGHT} operators deep; split it with a computed question"));
        }
        Ok((expr, below + 1))
    }

    fn binary(&self, op: Op, (a, ha): Node, (b, hb): Node) -> Result<Node, ExprError> {
        self.node(Expr::Binary(op, Box::new(a), Box::new(b)), ha.max(hb))
    }

    fn or(&mut self) -> Result<Node, ExprError> {
        let mut left = self.and()?;
        while self.is_word("or") {
            self.next();
            let right = self.and()?;
            left = self.binary(Op::Or, left, right)?;
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Node, ExprError> {
        let mut left = self.not()?;
        while self.is_word("and") {
            self.next();
            let right = self.not()?;
            left = self.binary(Op::And, left, right)?;
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Node, ExprError> {
        if self.is_word("not") {
            self.enter(self.column())?;
            self.next();
            let (inner, h) = self.not()?;
            self.leave();
            return self.node(Expr::Not(Box::new(inner)), h);
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Node, ExprError> {
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
        self.binary(op, left, right)
    }

    fn sum(&mut self) -> Result<Node, ExprError> {
        let mut left = self.product()?;
        loop {
            let op = match self.peek() {
                Tok::Op("+") => Op::Add,
                Tok::Op("-") => Op::Sub,
                _ => return Ok(left),
            };
            self.next();
            let right = self.product()?;
            left = self.binary(op, left, right)?;
        }
    }

    fn product(&mut self) -> Result<Node, ExprError> {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek() {
                Tok::Op("*") => Op::Mul,
                Tok::Op("/") => Op::Div,
                _ => return Ok(left),
            };
            self.next();
            let right = self.unary()?;
            left = self.binary(op, left, right)?;
        }
    }

    fn unary(&mut self) -> Result<Node, ExprError> {
        if matches!(self.peek(), Tok::Op("-")) {
            self.enter(self.column())?;
            self.next();
            let (inner, h) = self.unary()?;
            self.leave();
            return self.node(Expr::Neg(Box::new(inner)), h);
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Node, ExprError> {
        let column = self.column();
        match self.next() {
            Tok::Num(n) => Ok((Expr::Num(n), 1)),
            Tok::Text(t) => Ok((Expr::Text(t), 1)),
            Tok::Dot => Ok((Expr::This, 1)),
            Tok::LParen => {
                self.enter(column)?;
                let inner = self.or()?;
                self.leave();
                if self.next() != Tok::RParen {
                    return Err(ExprError { column, message: "this '(' is never closed".into() });
                }
                Ok(inner)
            }
            Tok::Ident(word) => match word.as_str() {
                "true" => Ok((Expr::Bool(true), 1)),
                "false" => Ok((Expr::Bool(false), 1)),
                "and" | "or" | "not" => Err(ExprError { column, message: format!("'{word}' needs a value before it") }),
                _ if *self.peek() == Tok::LParen => self.call(word, column),
                _ if *self.peek() == Tok::Dot => {
                    self.next();
                    match self.next() {
                        Tok::Ident(row) => Ok((Expr::Ref(word, Some(row)), 1)),
                        _ => Err(ExprError { column, message: format!("'{word}.' must be followed by a row id") }),
                    }
                }
                _ => Ok((Expr::Ref(word, None), 1)),
            },
            Tok::End => Err(ExprError { column, message: "the expression ends too early".into() }),
            other => Err(ExprError { column, message: format!("unexpected {}", describe(&other)) }),
        }
    }

    fn call(&mut self, name: String, column: usize) -> Result<Node, ExprError> {
        let func = Func::by_name(&name).ok_or_else(|| ExprError { column, message: format!("unknown function '{name}'") })?;
        self.enter(column)?;
        self.next(); // (
        let mut args = Vec::new();
        let mut below = 0;
        if *self.peek() != Tok::RParen {
            loop {
                let (arg, h) = self.or()?;
                args.push(arg);
                below = below.max(h);
                match self.next() {
                    Tok::Comma => continue,
                    Tok::RParen => break,
                    _ => return Err(ExprError { column, message: format!("'{name}(' is never closed") }),
                }
            }
        } else {
            self.next();
        }
        self.leave();
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
        self.node(Expr::Call(func, args), below)
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
    let mut p = Parser { toks: lex(src)?, pos: 0, nesting: 0 };
    let (expr, _) = p.or()?;
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

    /// The pattern of every `matches()` call: its text when written in quotes,
    /// `None` when it is computed. A form loads only when every pattern is
    /// text that compiles, so the patterns a form can use are known and few.
    pub fn match_patterns(&self, out: &mut Vec<Option<String>>) {
        match self {
            Expr::Call(Func::Matches, args) => {
                out.push(match args.get(1) {
                    Some(Expr::Text(p)) => Some(p.clone()),
                    _ => None,
                });
                args.iter().for_each(|a| a.match_patterns(out));
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.match_patterns(out)),
            Expr::Not(e) | Expr::Neg(e) => e.match_patterns(out),
            Expr::Binary(_, a, b) => {
                a.match_patterns(out);
                b.match_patterns(out);
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
        let huge = format!("1{}", "0".repeat(400));
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
            (huge.as_str(), 1, "too large"),
        ];
        for (src, column, text) in cases {
            let err = parse(src).unwrap_err();
            assert_eq!(err.column, column, "{src}: {err}");
            assert!(err.message.contains(text), "{src}: {err}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = |open: &str, close: &str, n: usize| format!("{}1{}", open.repeat(n), close.repeat(n));
        for src in [
            deep("(", ")", 100_000),
            deep("-", "", 100_000),
            deep("not ", "", 100_000),
            deep("round(", ", 1)", 100_000),
            deep("min(", ")", 100_000),
            deep("(", "", 100_000),
        ] {
            let err = parse(&src).unwrap_err();
            assert!(err.message.contains(&format!("more than {MAX_NESTING} levels")), "{}…: {err}", &src[..20]);
        }
        // At the limit it still parses; one more level is refused, at the column of the level too many.
        assert!(parse(&deep("(", ")", MAX_NESTING)).is_ok());
        assert!(parse(&deep("-", "", MAX_NESTING)).is_ok());
        let err = parse(&deep("(", ")", MAX_NESTING + 1)).unwrap_err();
        assert_eq!(err.column, MAX_NESTING + 1, "{err}");
    }

    #[test]
    fn long_chains_of_operators_are_an_error_not_a_stack_overflow() {
        for op in [" + ", " - ", " * ", " / ", " and ", " or "] {
            let src = vec!["a"; 100_000].join(op);
            let err = parse(&src).unwrap_err();
            assert!(err.message.contains(&format!("more than {MAX_HEIGHT} operators deep")), "{op}: {err}");
        }
        // A long chain that fits evaluates; the tree the evaluator walks is never taller than the limit.
        assert!(parse(&vec!["a"; MAX_HEIGHT].join(" + ")).is_ok());
        assert!(parse(&vec!["a"; MAX_HEIGHT + 1].join(" + ")).is_err());
    }

    #[test]
    fn references_and_patterns_are_collected() {
        let e = parse("if(answered(a), matches(b, '^0[0-9]+$'), m.r > c)").unwrap();
        let mut refs = Vec::new();
        e.references(&mut refs);
        assert_eq!(refs, vec![("a".into(), None), ("b".into(), None), ("m".into(), Some("r".into())), ("c".into(), None)]);
        let mut pats = Vec::new();
        e.match_patterns(&mut pats);
        assert_eq!(pats, vec![Some("^0[0-9]+$".to_string())]);
        let mut pats = Vec::new();
        parse("matches(a, b) or not matches(a, if(c, 'x', 'y'))").unwrap().match_patterns(&mut pats);
        assert_eq!(pats, vec![None, None], "computed patterns are named as such");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::arbitrary_text::{expression, long_text, text};
    use crate::form::eval::{eval, Scope, Value};
    use proptest::prelude::*;

    /// Every question answered with something, so evaluation goes everywhere.
    struct Anything;

    impl Scope for Anything {
        fn value(&self, id: &str, cell: Option<&str>) -> Value {
            match (id.len() + cell.map_or(0, str::len)) % 5 {
                0 => Value::Empty,
                1 => Value::Num(id.len() as f64 - 2.5),
                2 => Value::Text(id.repeat(2)),
                3 => Value::Bool(id.len().is_multiple_of(2)),
                _ => Value::List(vec![id.to_string(), "s5".into()]),
            }
        }
        fn count(&self, id: &str) -> usize {
            id.len()
        }
        fn sum(&self, _: &str, _: &str) -> Value {
            Value::Num(1e308)
        }
        fn this(&self) -> Value {
            Value::Text("đ\u{301}".into())
        }
        fn today(&self) -> &str {
            "2026-11-24"
        }
    }

    fn height(e: &Expr) -> usize {
        match e {
            Expr::Not(x) | Expr::Neg(x) => 1 + height(x),
            Expr::Binary(_, a, b) => 1 + height(a).max(height(b)),
            Expr::Call(_, args) => 1 + args.iter().map(height).max().unwrap_or(0),
            _ => 1,
        }
    }

    fn check(src: &str) -> Result<(), TestCaseError> {
        match parse(src) {
            Ok(e) => {
                prop_assert!(height(&e) <= MAX_HEIGHT);
                let (mut refs, mut sums, mut patterns) = (Vec::new(), Vec::new(), Vec::new());
                e.references(&mut refs);
                e.sums(&mut sums);
                e.match_patterns(&mut patterns);
                let v = eval(&e, &Anything);
                prop_assert!(!matches!(v, Value::Num(n) if !n.is_finite()), "{:?}", v);
            }
            Err(err) => prop_assert!((1..=src.chars().count() + 1).contains(&err.column), "{}: {:?}", err, src),
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn token_soup_parses_and_evaluates_or_says_where_it_went_wrong(src in expression()) {
            check(&src)?;
        }

        #[test]
        fn any_text_parses_or_says_where_it_went_wrong(src in text()) {
            check(&src)?;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]

        #[test]
        fn long_text_parses_or_says_where_it_went_wrong(src in long_text()) {
            check(&src)?;
        }
    }
}
