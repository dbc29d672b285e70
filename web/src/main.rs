//! qinqing web forms.
fn main() {}
