//! The interpreter: evaluates an `Expr` against the answers in scope.
//!
//! Values may be empty (unanswered, or the question is hidden). Empty is
//! "unknown": arithmetic and comparisons with it give empty, `and`/`or`
//! follow three-valued logic, and a rule that comes out unknown neither
//! shows a question, requires it, nor fails its constraint.

use super::expr::{Expr, Func, Op, MAX_HEIGHT};
use std::cell::Cell;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Bool(bool),
    Num(f64),
    Text(String),
    List(Vec<String>),
}

impl Value {
    /// Whether a rule holds. Unknown does not.
    pub fn holds(&self) -> bool {
        match self {
            Value::Empty => false,
            Value::Bool(b) => *b,
            Value::Num(n) => *n != 0.0,
            Value::Text(t) => !t.is_empty(),
            Value::List(l) => !l.is_empty(),
        }
    }

    /// Whether a rule definitely fails (false, not unknown).
    pub fn fails(&self) -> bool {
        !matches!(self, Value::Empty) && !self.holds()
    }

    pub fn num(&self) -> Option<f64> {
        match self {
            Value::Num(n) => Some(*n),
            // "1e400" and "NaN" parse, to infinity and NaN, which no answer means.
            Value::Text(t) => t.trim().parse().ok().filter(|x: &f64| x.is_finite()),
            Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
            _ => None,
        }
    }

    fn truth(&self) -> Option<bool> {
        match self {
            Value::Empty => None,
            other => Some(other.holds()),
        }
    }
}

/// What an expression can see: the answers around it.
pub trait Scope {
    /// The value of a question (or of one matrix cell).
    fn value(&self, id: &str, cell: Option<&str>) -> Value;
    /// Selected choices, rows of a repeat, or answered rows of a matrix.
    fn count(&self, id: &str) -> usize;
    fn sum(&self, repeat: &str, sub: &str) -> Value;
    /// The answer of the question being checked (`.`).
    fn this(&self) -> Value;
    fn today(&self) -> &str;
}

thread_local! {
    /// How deep the evaluation running on this thread is, across expressions:
    /// a computed question evaluates the computed questions it uses.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

fn matches(text: &str, pattern: &str) -> bool {
    super::pattern::is_match(pattern, text)
}

/// Evaluations nested deeper than this come out unknown. One expression is
/// never deeper than `MAX_HEIGHT`, so it always evaluates in full; only a long
/// chain of computed questions, each using the next, gets here, and would
/// otherwise overflow the stack.
pub const MAX_EVAL_DEPTH: usize = MAX_HEIGHT;

/// Counts one level of evaluation for as long as it lives.
struct Level;

impl Level {
    fn enter() -> Option<Level> {
        DEPTH.with(|d| {
            if d.get() >= MAX_EVAL_DEPTH {
                return None;
            }
            d.set(d.get() + 1);
            Some(Level)
        })
    }
}

impl Drop for Level {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

fn truth_value(b: Option<bool>) -> Value {
    b.map_or(Value::Empty, Value::Bool)
}

fn as_flag(text: &str) -> Option<bool> {
    match text {
        "yes" | "true" => Some(true),
        "no" | "false" => Some(false),
        _ => None,
    }
}

fn compare(op: Op, a: &Value, b: &Value) -> Value {
    use std::cmp::Ordering;
    let ord: Option<Ordering> = match (a, b) {
        (Value::Empty, _) | (_, Value::Empty) => return Value::Empty,
        (Value::List(l), Value::Text(t)) | (Value::Text(t), Value::List(l)) => {
            let has = l.contains(t);
            return match op {
                Op::Eq => Value::Bool(has),
                Op::Ne => Value::Bool(!has),
                _ => Value::Empty,
            };
        }
        (Value::Bool(x), Value::Text(t)) | (Value::Text(t), Value::Bool(x)) => as_flag(t).map(|y| x.cmp(&y)),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        (Value::Text(x), Value::Text(y)) => match (x.trim().parse::<f64>(), y.trim().parse::<f64>()) {
            (Ok(p), Ok(q)) => p.partial_cmp(&q),
            _ => Some(x.cmp(y)),
        },
        (x, y) => match (x.num(), y.num()) {
            (Some(p), Some(q)) => p.partial_cmp(&q),
            _ => None,
        },
    };
    let Some(ord) = ord else { return Value::Empty };
    Value::Bool(match op {
        Op::Eq => ord == Ordering::Equal,
        Op::Ne => ord != Ordering::Equal,
        Op::Lt => ord == Ordering::Less,
        Op::Le => ord != Ordering::Greater,
        Op::Gt => ord == Ordering::Greater,
        Op::Ge => ord != Ordering::Less,
        _ => unreachable!("not a comparison"),
    })
}

fn arithmetic(op: Op, a: &Value, b: &Value) -> Value {
    let (Some(x), Some(y)) = (a.num(), b.num()) else { return Value::Empty };
    let r = match op {
        Op::Add => x + y,
        Op::Sub => x - y,
        Op::Mul => x * y,
        Op::Div if y == 0.0 => return Value::Empty,
        Op::Div => x / y,
        _ => unreachable!("not arithmetic"),
    };
    if r.is_finite() {
        Value::Num(r)
    } else {
        Value::Empty
    }
}

pub fn eval(e: &Expr, scope: &dyn Scope) -> Value {
    let Some(_level) = Level::enter() else { return Value::Empty };
    match e {
        Expr::Num(n) => Value::Num(*n),
        Expr::Text(t) => Value::Text(t.clone()),
        Expr::Bool(b) => Value::Bool(*b),
        Expr::This => scope.this(),
        Expr::Ref(id, cell) => scope.value(id, cell.as_deref()),
        Expr::Not(x) => truth_value(eval(x, scope).truth().map(|b| !b)),
        Expr::Neg(x) => eval(x, scope).num().map_or(Value::Empty, |n| Value::Num(-n)),
        Expr::Binary(Op::And, a, b) => {
            let left = eval(a, scope).truth();
            if left == Some(false) {
                return Value::Bool(false);
            }
            match (left, eval(b, scope).truth()) {
                (_, Some(false)) => Value::Bool(false),
                (Some(true), Some(true)) => Value::Bool(true),
                _ => Value::Empty,
            }
        }
        Expr::Binary(Op::Or, a, b) => {
            let left = eval(a, scope).truth();
            if left == Some(true) {
                return Value::Bool(true);
            }
            match (left, eval(b, scope).truth()) {
                (_, Some(true)) => Value::Bool(true),
                (Some(false), Some(false)) => Value::Bool(false),
                _ => Value::Empty,
            }
        }
        Expr::Binary(op @ (Op::Add | Op::Sub | Op::Mul | Op::Div), a, b) => arithmetic(*op, &eval(a, scope), &eval(b, scope)),
        Expr::Binary(op, a, b) => compare(*op, &eval(a, scope), &eval(b, scope)),
        Expr::Call(f, args) => call(*f, args, scope),
    }
}

fn question_id(e: &Expr) -> &str {
    match e {
        Expr::Ref(id, _) => id,
        _ => "",
    }
}

fn call(f: Func, args: &[Expr], scope: &dyn Scope) -> Value {
    // The parser checks every call's arguments; a tree built some other way reads a missing one as empty.
    let arg = |i: usize| args.get(i).map_or(Value::Empty, |a| eval(a, scope));
    let question = |i: usize| args.get(i).map_or("", question_id);
    match f {
        Func::Selected => {
            let wanted = arg(1);
            let Value::Text(wanted) = wanted else { return Value::Empty };
            match arg(0) {
                Value::Empty => Value::Empty,
                Value::List(l) => Value::Bool(l.contains(&wanted)),
                Value::Text(t) => Value::Bool(t == wanted),
                Value::Bool(b) => Value::Bool(as_flag(&wanted) == Some(b)),
                Value::Num(n) => Value::Bool(wanted.parse::<f64>().ok() == Some(n)),
            }
        }
        Func::Count => Value::Num(scope.count(question(0)) as f64),
        Func::Answered => Value::Bool(arg(0) != Value::Empty),
        Func::Len => match arg(0) {
            Value::Empty => Value::Num(0.0),
            Value::Text(t) => Value::Num(t.chars().count() as f64),
            Value::List(l) => Value::Num(l.len() as f64),
            other => other.num().map_or(Value::Empty, |n| Value::Num(canonical(n).chars().count() as f64)),
        },
        Func::Matches => match (arg(0), arg(1)) {
            (Value::Empty, _) => Value::Empty,
            (Value::Text(t), Value::Text(p)) => Value::Bool(matches(&t, &p)),
            (v, Value::Text(p)) => v.num().map_or(Value::Empty, |n| Value::Bool(matches(&canonical(n), &p))),
            _ => Value::Empty,
        },
        Func::Round => match (arg(0).num(), arg(1).num()) {
            (Some(x), Some(d)) => {
                let factor = 10f64.powi(d.clamp(0.0, 12.0) as i32);
                let scaled = x * factor;
                // So large that it overflows: it is whole already.
                Value::Num(if scaled.is_finite() { scaled.round() / factor } else { x })
            }
            _ => Value::Empty,
        },
        Func::Min | Func::Max => {
            let nums: Vec<f64> = (0..args.len()).filter_map(|i| arg(i).num()).collect();
            let pick = if f == Func::Min { f64::min } else { f64::max };
            nums.into_iter().reduce(pick).map_or(Value::Empty, Value::Num)
        }
        Func::If => match arg(0).truth() {
            Some(true) => arg(1),
            Some(false) => arg(2),
            None => Value::Empty,
        },
        Func::Sum => match args.get(1) {
            Some(Expr::Text(sub)) => scope.sum(question(0), sub),
            _ => Value::Empty,
        },
        Func::Today => Value::Text(scope.today().to_string()),
        Func::Year => match arg(0) {
            Value::Text(t) => t.get(..4).and_then(|y| y.parse::<f64>().ok()).map_or(Value::Empty, Value::Num),
            _ => Value::Empty,
        },
        Func::Coalesce => match arg(0) {
            Value::Empty => arg(1),
            v => v,
        },
    }
}

fn canonical(n: f64) -> String {
    super::answer::canonical_number(n)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use super::*;
    use crate::form::expr::parse;

    struct Fixed(HashMap<&'static str, Value>);

    impl Scope for Fixed {
        fn value(&self, id: &str, cell: Option<&str>) -> Value {
            let key = match cell {
                Some(c) => format!("{id}.{c}"),
                None => id.to_string(),
            };
            self.0.get(key.as_str()).cloned().unwrap_or(Value::Empty)
        }
        fn count(&self, id: &str) -> usize {
            match self.value(id, None) {
                Value::List(l) => l.len(),
                Value::Empty => 0,
                _ => 1,
            }
        }
        fn sum(&self, _: &str, _: &str) -> Value {
            Value::Num(42.0)
        }
        fn this(&self) -> Value {
            self.value("this", None)
        }
        fn today(&self) -> &str {
            "2026-11-24"
        }
    }

    fn run(src: &str) -> Value {
        let scope = Fixed(HashMap::from([
            ("revenue", Value::Num(1000.0)),
            ("va", Value::Num(250.0)),
            ("staff", Value::Num(50.0)),
            ("zero", Value::Num(0.0)),
            ("name", Value::Text("Công ty Sa Đéc".into())),
            ("tools", Value::List(vec!["s5".into(), "kaizen".into()])),
            ("trace", Value::Bool(true)),
            ("m.s5", Value::Num(3.0)),
            ("start", Value::Text("2024-05-01".into())),
            ("this", Value::Num(1200.0)),
        ]));
        eval(&parse(src).unwrap(), &scope)
    }

    #[test]
    fn arithmetic_and_precedence() {
        assert_eq!(run("round(va / staff, 1)"), Value::Num(5.0));
        assert_eq!(run("1 + 2 * 3 - 4 / 2"), Value::Num(5.0));
        assert_eq!(run("(1 + 2) * 3"), Value::Num(9.0));
        assert_eq!(run("-va + 300"), Value::Num(50.0));
        assert_eq!(run("round(2 / 3 * 100, 1)"), Value::Num(66.7));
    }

    #[test]
    fn comparisons_and_logic() {
        assert_eq!(run("va <= revenue and revenue > 0"), Value::Bool(true));
        assert_eq!(run(". <= revenue"), Value::Bool(false), "value added above revenue fails");
        assert_eq!(run("not trace or staff < 10"), Value::Bool(false));
        assert_eq!(run("trace = 'yes'"), Value::Bool(true));
        assert_eq!(run("tools = 'kaizen' and tools != 'lean'"), Value::Bool(true));
        assert_eq!(run("start < today()"), Value::Bool(true), "ISO dates compare as text");
        assert_eq!(run("m.s5 >= 3"), Value::Bool(true));
        assert_eq!(run("name = 'Công ty Sa Đéc'"), Value::Bool(true));
    }

    #[test]
    fn empty_is_unknown_not_false() {
        assert_eq!(run("missing + 1"), Value::Empty);
        assert_eq!(run("missing > 3"), Value::Empty);
        assert_eq!(run("not (missing > 3)"), Value::Empty);
        assert_eq!(run("missing > 3 and false"), Value::Bool(false));
        assert_eq!(run("missing > 3 or true"), Value::Bool(true));
        assert_eq!(run("missing > 3 or false"), Value::Empty);
        assert_eq!(run("va / zero"), Value::Empty, "division by zero is unknown, not infinity");
        assert!(!run("missing > 3").holds() && !run("missing > 3").fails());
        assert!(run("va > revenue").fails());
    }

    #[test]
    fn functions() {
        assert_eq!(run("selected(tools, 's5')"), Value::Bool(true));
        assert_eq!(run("selected(tools, 'lean')"), Value::Bool(false));
        assert_eq!(run("selected(missing, 'lean')"), Value::Empty);
        assert_eq!(run("count(tools)"), Value::Num(2.0));
        assert_eq!(run("count(missing)"), Value::Num(0.0));
        assert_eq!(run("answered(name) and not answered(missing)"), Value::Bool(true));
        assert_eq!(run("len(name)"), Value::Num(14.0), "characters, not bytes");
        assert_eq!(run("matches('0912345678', '^0[0-9]{9}$')"), Value::Bool(true));
        assert_eq!(run("matches('912', '^0[0-9]{9}$')"), Value::Bool(false));
        assert_eq!(run("min(va, revenue, missing)"), Value::Num(250.0));
        assert_eq!(run("max(va, revenue)"), Value::Num(1000.0));
        assert_eq!(run("if(va > 100, 'high', 'low')"), Value::Text("high".into()));
        assert_eq!(run("sum(certs, 'n')"), Value::Num(42.0));
        assert_eq!(run("year(today()) - year(start)"), Value::Num(2.0));
        assert_eq!(run("year(name)"), Value::Empty, "not a date, and no panic on a multi-byte letter");
        assert_eq!(run("coalesce(missing, 7)"), Value::Num(7.0));
        assert_eq!(run("round('1e300' * '1e8', 12)"), Value::Num(1e308), "too large to scale: whole already");
        assert_eq!(run("-'1e400'"), Value::Empty, "text that reads as infinity is no number");
        assert_eq!(run("'NaN' + 1"), Value::Empty);
    }

    #[test]
    fn a_call_built_without_its_arguments_is_unknown_not_a_panic() {
        let scope = Fixed(HashMap::new());
        for f in [Func::Selected, Func::Count, Func::Answered, Func::Len, Func::Matches, Func::Round, Func::Min, Func::Max, Func::If, Func::Sum, Func::Today, Func::Year, Func::Coalesce] {
            eval(&Expr::Call(f, vec![]), &scope);
        }
        assert_eq!(eval(&Expr::Call(Func::Sum, vec![Expr::Num(1.0)]), &scope), Value::Empty);
    }

    /// A scope whose every question is computed from the next one, without end:
    /// what a long chain of computed questions does to the evaluator.
    struct Endless(Expr);

    impl Scope for Endless {
        fn value(&self, _: &str, _: Option<&str>) -> Value {
            eval(&self.0, self)
        }
        fn count(&self, _: &str) -> usize {
            0
        }
        fn sum(&self, _: &str, _: &str) -> Value {
            Value::Empty
        }
        fn this(&self) -> Value {
            Value::Empty
        }
        fn today(&self) -> &str {
            "2026-11-24"
        }
    }

    #[test]
    fn evaluation_stops_at_a_depth_instead_of_overflowing_the_stack() {
        let endless = Endless(parse("next + 1").unwrap());
        assert_eq!(eval(&Expr::Ref("next".into(), None), &endless), Value::Empty);
        // The depth is given back: the next evaluation runs in full.
        assert_eq!(run("1 + 2"), Value::Num(3.0));
        let deepest = parse(&vec!["1"; MAX_HEIGHT].join(" + ")).unwrap();
        assert_eq!(eval(&deepest, &Fixed(HashMap::new())), Value::Num(MAX_HEIGHT as f64), "the tallest expression the parser allows evaluates in full");
        // A tree built by hand past every limit comes out unknown.
        let mut tall = Expr::Num(1.0);
        for _ in 0..2 * MAX_EVAL_DEPTH {
            tall = Expr::Neg(Box::new(tall));
        }
        assert_eq!(eval(&tall, &Fixed(HashMap::new())), Value::Empty);
    }
}
