//! The GitHub Action (`action.yml`) and the pre-commit hooks (`.pre-commit-hooks.yaml`) as
//! their runners read them: the YAML parses, and the action's scripts, run with bash as a
//! runner runs them, write SARIF and annotations.

mod common;

use std::process::Command;

use common::root;
use yaml_rust2::{Yaml, YamlLoader};

fn yaml(name: &str) -> Yaml {
    let text = std::fs::read_to_string(root().join(name)).unwrap();
    YamlLoader::load_from_str(&text).unwrap().remove(0)
}

/// Runs a step's script as a composite action's `shell: bash` does (`bash -e -o pipefail`),
/// with the step's `env` given by `inputs`.
fn run_step(step: &Yaml, env: &[(&str, &str)], temp: &std::path::Path) -> std::process::Output {
    assert_eq!(step["shell"].as_str(), Some("bash"));
    let script = step["run"].as_str().unwrap();
    let mut command = Command::new("bash");
    command
        .args([
            "--noprofile",
            "--norc",
            "-e",
            "-o",
            "pipefail",
            "-c",
            script,
        ])
        .current_dir(root())
        .env("RUNNER_TEMP", temp)
        .env("GITHUB_ACTION_PATH", root())
        .env_remove("GITHUB_STEP_SUMMARY");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().unwrap()
}

#[test]
fn the_action_lints_and_checks_with_sarif_and_annotations() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let steps = action["runs"]["steps"].as_vec().unwrap();
    assert!(
        steps[0]["run"]
            .as_str()
            .unwrap()
            .contains("cargo install --locked")
    );
    // The build step is cargo's; the binary the tests built stands for what it installs.
    let temp = tempfile::tempdir().unwrap();
    let bin = temp.path().join("plancheck/bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_plancheck"), bin.join("plancheck")).unwrap();
    let sarif_dir = temp.path().join("sarif");
    let sarif_dir = sarif_dir.to_str().unwrap();
    // What GitHub gives the steps' `env` (the action's own repository and ref among it),
    // and, as a runner does, what a step adds to `$GITHUB_ENV` for the steps after it.
    let github_env = temp.path().join("github_env");
    std::fs::write(&github_env, "").unwrap();
    let mut env: Vec<(String, String)> = [
        ("RULES", "rules"),
        ("PLANS", "fixtures/plans"),
        ("MIN_LEVEL", "warning"),
        ("SARIF_DIR", sarif_dir),
        ("README_URL", ""),
        ("SERVER", "https://github.com"),
        ("ACTION_REPOSITORY", "OWNER/plancheck"),
        ("ACTION_REF", "v1"),
        ("GITHUB_ENV", github_env.to_str().unwrap()),
    ]
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .to_vec();
    for step in &steps[1..] {
        let pairs: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let out = run_step(step, &pairs, temp.path());
        let added = std::fs::read_to_string(&github_env).unwrap();
        env.extend(
            added
                .lines()
                .filter_map(|l| l.split_once('='))
                .map(|(k, v)| (k.into(), v.into())),
        );
        std::fs::write(&github_env, "").unwrap();
        assert!(
            out.status.success(),
            "{:?}: {}",
            step["name"],
            String::from_utf8_lossy(&out.stderr)
        );
        let annotations = String::from_utf8(out.stdout).unwrap();
        assert!(
            annotations.lines().all(|l| l.starts_with("::")),
            "{annotations}"
        );
        assert!(
            !annotations.contains("::notice"),
            "--min-level warning: {annotations}"
        );
    }
    for name in ["lint.sarif", "check.sarif"] {
        let text = std::fs::read_to_string(format!("{sarif_dir}/{name}")).unwrap();
        let sarif: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(sarif["version"], "2.1.0", "{name}");
        let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        let readme = "https://github.com/OWNER/plancheck/blob/v1/README.md#";
        let linked =
            |r: &serde_json::Value| r["helpUri"].as_str().is_some_and(|u| u.starts_with(readme));
        assert!(rules.iter().all(linked), "{name}: the action's own README");
    }
}

#[test]
fn the_pre_commit_hooks_run_commands_that_exist() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_vec().unwrap();
    assert_eq!(hooks.len(), 2);
    for hook in hooks {
        assert_eq!(hook["language"].as_str(), Some("rust"));
        let entry: Vec<&str> = hook["entry"].as_str().unwrap().split(' ').collect();
        assert_eq!(entry[0], "plancheck");
        let out = common::plancheck(&entry[1..]);
        assert_eq!(common::code(&out), 0, "{entry:?}: {}", common::stdout(&out));
    }
}

/// The step that finds the README: the input's address first, else the action's own where
/// GitHub names its repository and ref, else none (no link rather than a broken one).
#[test]
fn the_action_links_to_a_readme_only_where_it_knows_one() {
    let action = yaml("action.yml");
    let steps = action["runs"]["steps"].as_vec().unwrap();
    let step = steps
        .iter()
        .find(|s| {
            s["run"]
                .as_str()
                .is_some_and(|r| r.contains("PLANCHECK_README_ARGS"))
        })
        .unwrap();
    let temp = tempfile::tempdir().unwrap();
    let github_env = temp.path().join("github_env");
    let cases = [
        (
            "",
            "OWNER/plancheck",
            "v1",
            "--readme-url https://github.com/OWNER/plancheck/blob/v1/README.md",
        ),
        ("", "", "v1", ""),
        ("", "OWNER/plancheck", "", ""),
        (
            "https://example.org/README.md",
            "",
            "",
            "--readme-url https://example.org/README.md",
        ),
    ];
    for (given, repository, reference, args) in cases {
        std::fs::write(&github_env, "").unwrap();
        let env = [
            ("README_URL", given),
            ("SERVER", "https://github.com"),
            ("ACTION_REPOSITORY", repository),
            ("ACTION_REF", reference),
            ("GITHUB_ENV", github_env.to_str().unwrap()),
        ];
        let out = run_step(step, &env, temp.path());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let written = std::fs::read_to_string(&github_env).unwrap();
        assert_eq!(
            written,
            format!("PLANCHECK_README_ARGS={args}\n"),
            "{repository:?} {reference:?}"
        );
    }
}
