//! qinqing-server.
fn main() {}
