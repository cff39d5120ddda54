"""Bring the crosswire dashboard up in Apache Superset: metadata, a login, the catalog read-only, the bundle; serve.

Run with Superset's own environment (`make bi` builds bi/.venv from bi/requirements.lock, then runs this). Settings
come from the environment: CROSSWIRE_BI_USER and CROSSWIRE_BI_PASSWORD (required: there is no default login),
CROSSWIRE_WAREHOUSE (the warehouse folder, default data/), CROSSWIRE_BI_PORT (8088), CROSSWIRE_BI_HOME (Superset's
metadata, default bi/.home) and CROSSWIRE_BI_SECRET_KEY (else one is generated once into the home folder).
"""

import os
import secrets
import sys
from pathlib import Path

import yaml

BI = Path(__file__).resolve().parent
BUNDLE = BI / "bundle"
CATALOG = "crosswire.duckdb"


class Refused(Exception):
    """A setting that stops the bring-up before anything starts."""


def settings(env: dict[str, str], cwd: Path) -> dict:
    """Environment + working directory -> bring-up settings; raises Refused saying what is missing."""
    user, password = env.get("CROSSWIRE_BI_USER", "").strip(), env.get("CROSSWIRE_BI_PASSWORD", "")
    if not user or not password:
        raise Refused("set CROSSWIRE_BI_USER and CROSSWIRE_BI_PASSWORD to the login you want; there is no default")
    warehouse = env.get("CROSSWIRE_WAREHOUSE") or "data"
    if "://" in warehouse and not warehouse.startswith("file://"):
        raise Refused(f"the dashboard reads a warehouse on local disk, not {warehouse}")
    catalog = (cwd / warehouse.removeprefix("file://")).resolve() / CATALOG
    if not catalog.is_file():
        raise Refused(f"no catalog at {catalog}: run `crosswire run --warehouse {catalog.parent}` first")
    port = env.get("CROSSWIRE_BI_PORT") or "8088"
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise Refused(f"CROSSWIRE_BI_PORT must be a port number, not {port!r}")
    home = (cwd / (env.get("CROSSWIRE_BI_HOME") or BI / ".home")).resolve()
    return {"user": user, "password": password, "catalog": catalog, "port": int(port), "home": home,
            "secret_key": env.get("CROSSWIRE_BI_SECRET_KEY", "")}


def bundle_contents(bundle: Path, catalog: Path) -> dict[str, str]:
    """Bundle folder + catalog path -> {path in the bundle: YAML text}, its database pointed at the catalog."""
    contents = {}
    for path in sorted(bundle.rglob("*.yaml")):
        name, text = path.relative_to(bundle).as_posix(), path.read_text(encoding="utf-8")
        if name.startswith("databases/"):
            config = yaml.safe_load(text)
            config["sqlalchemy_uri"] = f"duckdb:///{catalog}"
            text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
        contents[name] = text
    return contents


def secret_key(home: Path, given: str) -> str:
    """The key Superset signs sessions with: the one given, else one generated once and kept in the home folder."""
    if given:
        return given
    path = home / "secret_key"
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_urlsafe(42))
    return path.read_text().strip()


def superset_environment(config: dict, env: dict[str, str]) -> dict[str, str]:
    """Settings + environment -> the environment Superset runs in (its home, config file and secret key)."""
    config["home"].mkdir(parents=True, exist_ok=True)
    return {**env, "SUPERSET_HOME": str(config["home"]), "SUPERSET_CONFIG_PATH": str(BI / "superset_config.py"),
            "SUPERSET_SECRET_KEY": secret_key(config["home"], config["secret_key"]), "FLASK_APP": "superset"}


def prepare(config: dict) -> None:
    """Metadata database migrated, roles synced once per Superset version, the login set, the bundle imported."""
    from flask_migrate import upgrade
    from superset import appbuilder, security_manager
    from superset.app import create_app

    app = create_app()
    with app.app_context():
        # these modules need the app initialised before they are imported
        from superset.commands.dashboard.importers.dispatcher import ImportDashboardsCommand
        from superset.utils.core import override_user

        upgrade()
        stamp, version = config["home"] / "roles-synced", app.config["VERSION_STRING"]
        if not stamp.exists() or stamp.read_text() != version:
            appbuilder.add_permissions(update_perms=True)
            security_manager.sync_role_definitions()
            stamp.write_text(version)
        user = security_manager.find_user(username=config["user"])
        if user is None:
            user = security_manager.add_user(config["user"], "crosswire", "admin", f"{config['user']}@localhost",
                                             security_manager.find_role("Admin"), password=config["password"])
        else:
            security_manager.reset_password(user.id, config["password"])
        with override_user(user):
            ImportDashboardsCommand(bundle_contents(BUNDLE, config["catalog"]), overwrite=True).run()


def main() -> int:
    """Check the settings, prepare Superset, then become its web server on 127.0.0.1; -> exit code on refusal."""
    try:
        config = settings(dict(os.environ), Path.cwd())
    except Refused as refusal:
        print(f"crosswire bi: {refusal}", file=sys.stderr)
        return 2
    os.environ.update(superset_environment(config, dict(os.environ)))
    prepare(config)
    url = f"http://127.0.0.1:{config['port']}/superset/dashboard/crosswire/"
    print(f"crosswire dashboard at {url} (catalog {config['catalog']}, opened read-only)", flush=True)
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    os.execv(gunicorn, [gunicorn, "--bind", f"127.0.0.1:{config['port']}", "--workers", "1", "--worker-class",
                        "gthread", "--threads", "8", "--timeout", "120", "--limit-request-line", "0",
                        "--limit-request-field_size", "0", "superset.app:create_app()"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
