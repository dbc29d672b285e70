//! qinqing-core for JavaScript.
