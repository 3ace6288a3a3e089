//! `plancheck completions SHELL` and `plancheck man`: the command line described for a
//! shell and for `man`, from the same definition clap parses with, so they never drift.

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::{BAD_INPUT, Cli, OK, write_stdout};

#[derive(Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    shell: Shell,
}

pub fn completions(args: CompletionsArgs) -> u8 {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "plancheck", &mut out);
    write_bytes(&out)
}

#[derive(Args)]
pub struct ManArgs {
    /// A command (`check`), for its own page (`plancheck-check(1)`, which the main page
    /// lists); with none, the main page
    command: Option<String>,
}

pub fn man(args: ManArgs) -> u8 {
    let main = Cli::command();
    let page = match &args.command {
        None => main,
        Some(name) => match main.find_subcommand(name) {
            Some(sub) => sub
                .clone()
                .name(format!("plancheck-{name}"))
                .version(env!("CARGO_PKG_VERSION")),
            None => {
                let names: Vec<&str> = main.get_subcommands().map(|c| c.get_name()).collect();
                eprintln!(
                    "error: no command `{name}`: the commands are {}",
                    names.join(", ")
                );
                return BAD_INPUT;
            }
        },
    };
    let mut out = Vec::new();
    match clap_mangen::Man::new(page).render(&mut out) {
        Ok(()) => write_bytes(&out),
        Err(e) => {
            eprintln!("error: cannot write the man page: {e}");
            BAD_INPUT
        }
    }
}

fn write_bytes(out: &[u8]) -> u8 {
    write_stdout(&String::from_utf8_lossy(out));
    OK
}
