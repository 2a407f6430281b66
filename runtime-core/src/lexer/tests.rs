use super::*;

#[test]
fn dump_tokens() {
    if let Ok(src) = std::env::var("LEX") {
        let lexed = tokenize(&src, false);
        for t in &lexed.tokens {
            println!("{:?} {:?}", t.span, t.kind);
        }
        for e in &lexed.errors {
            println!("{}", e.render(&src, "x"));
        }
    }
}
