//! `qinqing`: the command line over qinqing-core.
fn main() {}
