"""Storage: sqlmodel tables, the engine with its SQLite pragmas, and alembic migrations."""
