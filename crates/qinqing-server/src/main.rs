//! `qinqing-server`: the reference server and case ledger. See `qinqing_server::Config`.

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("QINQING_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let config = qinqing_server::Config::parse();
    match qinqing_server::run(config).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("qinqing-server: {err}");
            std::process::ExitCode::FAILURE
        }
    }
}
