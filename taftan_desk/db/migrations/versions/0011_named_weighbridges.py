"""The station names its weighbridges (the station setting `scales`): a weight said to come
from a scale counts only from one of them, in its protocol. The schema moves on so that a desk
of an earlier version, which knows nothing of the rule and would save weights from any scale,
refuses this database and asks for the newer version. Weighings gain an index by when they
were weighed, for a shift's report of the vehicles weighed empty.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 01:30:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_weighings_weighed_at', 'weighings', ['weighed_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_weighings_weighed_at', table_name='weighings')
