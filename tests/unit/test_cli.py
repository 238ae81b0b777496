"""The `leads` command line: its version, and no command offering an option it would ignore."""

from __future__ import annotations

import pytest

from solar_leads import __version__
from solar_leads.cli import build_parser, main


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0 and capsys.readouterr().out.strip() == f"leads {__version__}"


@pytest.mark.parametrize(
    ("command", "option"),
    [("build", "--sources"), ("build", "--out"), ("export", "--sources"), ("crawl", "--out")],
)
def test_options_a_command_does_not_use_are_refused(command, option, capsys):
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([command, option, "x"])
    assert exit_info.value.code == 2 and "unrecognized arguments" in capsys.readouterr().err


def test_run_takes_scrapy_settings_and_refuses_a_malformed_one(capsys):
    args = build_parser().parse_args(["run", "--set", "DOWNLOAD_MAXSIZE=67108864", "--set", "RETRY_TIMES=0"])
    assert args.set == ["DOWNLOAD_MAXSIZE=67108864", "RETRY_TIMES=0"]
    assert main(["run", "--set", "no-equals-sign"]) == 2
    assert "--set expects NAME=VALUE" in capsys.readouterr().err


def test_an_unexpected_error_is_one_line_and_exit_1_unless_debug(monkeypatch, capsys):
    import solar_leads.cli as cli

    def broken(args, config):
        raise KeyError("boom")

    monkeypatch.setattr(cli, "cmd_query", broken)
    assert main(["query", "select 1"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "error: unexpected KeyError: 'boom' (rerun with --debug for the traceback)"
    assert main(["--debug", "query", "select 1"]) == 1
    assert "Traceback (most recent call last)" in capsys.readouterr().err
