/** Throwaway PostgreSQL schemas on the test server, so runs never see each other's rows. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Hands out empty schemas on one database and drops them all when the file's tests are done. */
export class SchemaSource {
  readonly admin: pg.Pool;
  private readonly schemas: string[] = [];
  private readonly runId = `${process.pid}_${randomBytes(4).toString('hex')}`;

  constructor(private readonly url: string) {
    this.admin = new pg.Pool({ connectionString: url, max: 2 });
  }

  /** Creates an empty schema and returns a URL whose connections use it as their search_path. */
  async freshUrl(): Promise<string> {
    const schema = `waihu_contract_${this.runId}_${this.schemas.length + 1}`;
    await this.admin.query(`create schema ${pg.escapeIdentifier(schema)}`);
    this.schemas.push(schema);
    const scoped = new URL(this.url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    return scoped.toString();
  }

  /** Drops every schema handed out and closes the admin pool. */
  async dropAll(): Promise<void> {
    for (const schema of this.schemas) await this.admin.query(`drop schema ${pg.escapeIdentifier(schema)} cascade`);
    await this.admin.end();
  }
}

