"""Statements' search documents (StatementSearch), with their GIN index on PostgreSQL, in
place of migration 0002's index over a statement's own words; and the length limit of a
statement's text and translation."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.core.validators
import django.db.models.deletion
from django.contrib.postgres.search import SearchVector
from django.db import migrations, models
from django.db.models.functions import Left

OLD_INDEX = django.contrib.postgres.indexes.GinIndex(
    SearchVector("text", "translation", "speaker_description", config="simple"), name="statement_search"
)
INDEX = django.contrib.postgres.indexes.GinIndex(fields=["document"], name="statementsearch_document")

# As issues.models.statement_search_document is today: a migration keeps its own copy.
MAX_TEXT_LENGTH = 100_000
MAX_SEARCHED_ALIASES = 10_000


def _document():
    return SearchVector(
        Left("text", MAX_TEXT_LENGTH),
        Left("translation", MAX_TEXT_LENGTH),
        "speaker_description",
        "speaker__name",
        Left("speaker__aliases", MAX_SEARCHED_ALIASES),
        config="simple",
    )


def create_documents(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Statement = apps.get_model("issues", "Statement")
    StatementSearch = apps.get_model("issues", "StatementSearch")
    schema_editor.remove_index(Statement, OLD_INDEX)
    rows = Statement.objects.order_by().annotate(document=_document()).values_list("pk", "document")
    select, params = rows.query.sql_with_params()
    table = schema_editor.quote_name(StatementSearch._meta.db_table)
    schema_editor.execute(f"INSERT INTO {table} (statement_id, document) {select}", params)
    schema_editor.add_index(StatementSearch, INDEX)


def drop_documents(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.remove_index(apps.get_model("issues", "StatementSearch"), INDEX)
    schema_editor.add_index(apps.get_model("issues", "Statement"), OLD_INDEX)


def text_field(**options):
    return models.TextField(
        max_length=MAX_TEXT_LENGTH, validators=[django.core.validators.MaxLengthValidator(MAX_TEXT_LENGTH)], **options
    )


TEXT_HELP = "the words as said (quote) or as reported (paraphrase), in the original language"
TRANSLATION_HELP = "an English translation, when the text is in another language"


class Migration(migrations.Migration):

    dependencies = [
        ('issues', '0004_statement_newest_first_index'),
    ]

    operations = [
        # A limit that validation holds: nothing changes in the database (SQLite would copy
        # both tables to say so).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name=model_name,
                    name=name,
                    field=text_field(help_text=TEXT_HELP) if name == "text" else text_field(blank=True, help_text=TRANSLATION_HELP),
                )
                for model_name in ("historicalstatement", "statement")
                for name in ("text", "translation")
            ],
        ),
        migrations.CreateModel(
            name='StatementSearch',
            fields=[
                ('statement', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search', serialize=False, to='issues.statement')),
                ('document', django.contrib.postgres.search.SearchVectorField()),
            ],
        ),
        # The GIN index exists on PostgreSQL only; SQLite has no such index.
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="statementsearch", index=INDEX)],
            database_operations=[migrations.RunPython(create_documents, drop_documents, elidable=False)],
        ),
    ]
