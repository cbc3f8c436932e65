/**
 * Use cases of the web console's sign-in: users per account, password sign-in with a throttle, sessions that the
 * browser holds as an opaque cookie token (only its SHA-256 is stored) and sign-out (docs/console.md#signing-in).
 */
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { IdGenerator } from '../ids.js';
import type { Clock } from '../../ports/clock.js';
import type { ConsoleSessionRecord, ConsoleUserRecord, ConsoleUserStore } from '../../ports/console-user-store.js';
import type { AccountStore } from '../../ports/store.js';
import { checkPasswordRules, hashPassword, verifyPassword } from './console-passwords.js';
import { LoginThrottle } from './console-login-throttle.js';

/** How long a session lasts after sign-in. */
export const SESSION_TTL_MS = 12 * 60 * 60_000;

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** A user as shown to the browser and the CLI: never the password hash. */
export interface ConsoleUserView {
  id: string;
  name: string;
  accountId: string;
  createdAt: number;
  disabled: boolean;
  /** Start of the newest session still stored; absent when none is (never signed in, or signed out and purged). */
  lastSignInAt?: number;
}

/** A live session and its user. */
export interface ConsoleSignedIn {
  user: ConsoleUserView;
  session: ConsoleSessionRecord;
}

/** Why a sign-in was refused; the HTTP layer turns it into 401 or 429. */
export class SignInRefused extends Error {
  constructor(
    readonly reason: 'BadCredentials' | 'Throttled',
    /** Seconds to wait, for Throttled. */
    readonly retryAfterSeconds = 0,
  ) {
    super(reason === 'Throttled' ? 'too many failed sign-ins; try again later' : 'the name or the password is wrong');
    this.name = 'SignInRefused';
  }
}

/** Hashing, replaceable so tests can count how often a password is checked. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

const scryptHasher: PasswordHasher = { hash: hashPassword, verify: verifyPassword };

/** The SHA-256 (hex) of a session token: what the store keys sessions by. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function view(user: ConsoleUserRecord): ConsoleUserView {
  return { id: user.id, name: user.name, accountId: user.accountId, createdAt: user.createdAt, disabled: user.disabledAt !== null };
}

/** Console users, sign-in, sessions and sign-out. */
export class ConsoleUsers {
  private decoy: Promise<string> | undefined;

  constructor(
    private readonly store: ConsoleUserStore & Pick<AccountStore, 'getAccount'>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly throttle: LoginThrottle = new LoginThrottle(clock),
    private readonly hasher: PasswordHasher = scryptHasher,
  ) {}

  /** Creates a user of an account; the name must be free on the whole platform. */
  async create(accountId: string, name: string, password: string): Promise<ConsoleUserView> {
    if (!NAME_PATTERN.test(name)) {
      throw new DomainError('InvalidArgument', 'a user name is 1-64 letters, digits or . _ @ - and starts with a letter or digit', 'Name');
    }
    checkPasswordRules(password);
    if (!(await this.store.getAccount(accountId))) throw new DomainError('NotFound', `account ${accountId} does not exist`, 'AccountId');
    if (await this.store.getConsoleUserByName(name)) throw nameTaken(name);
    const user: ConsoleUserRecord = {
      id: this.ids.next(), accountId, name, passwordHash: await this.hasher.hash(password), createdAt: this.clock.now(), disabledAt: null,
    };
    try {
      await this.store.insertConsoleUser(user);
    } catch (err) {
      // Two creations of one name at once: the unique index lets one win; the other is told the name is taken.
      if (await this.store.getConsoleUserByName(name)) throw nameTaken(name);
      throw err;
    }
    return view(user);
  }

  /** Users of one account, or of every account, oldest first. */
  async list(accountId?: string): Promise<ConsoleUserView[]> {
    return (await this.store.listConsoleUsers(accountId)).map(view);
  }

  /** One account's users with the time each last signed in, when that is still known. */
  async listOfAccount(accountId: string): Promise<ConsoleUserView[]> {
    const [users, signIns] = await Promise.all([this.store.listConsoleUsers(accountId), this.store.latestConsoleSignIns(accountId)]);
    return users.map((user) => {
      const lastSignInAt = signIns.get(user.id);
      return lastSignInAt === undefined ? view(user) : { ...view(user), lastSignInAt };
    });
  }

  /** Stops a user signing in and ends its sessions at once. `actingName` (the console user asking) cannot disable itself. */
  async disable(accountId: string, userId: string, actingName?: string): Promise<ConsoleUserView> {
    const user = await this.ownUser(accountId, userId);
    if (user.name === actingName) throw notYourself('disable');
    const disabledAt = user.disabledAt ?? this.clock.now();
    await this.store.setConsoleUserDisabled(user.id, disabledAt);
    await this.store.deleteConsoleSessionsOfUser(user.id);
    return view({ ...user, disabledAt });
  }

  /** Lets a disabled user sign in again. */
  async enable(accountId: string, userId: string): Promise<ConsoleUserView> {
    const user = await this.ownUser(accountId, userId);
    await this.store.setConsoleUserDisabled(user.id, null);
    return view({ ...user, disabledAt: null });
  }

  /** Deletes a user and its sessions; its name becomes free. `actingName` cannot delete itself. */
  async delete(accountId: string, userId: string, actingName?: string): Promise<void> {
    const user = await this.ownUser(accountId, userId);
    if (user.name === actingName) throw notYourself('delete');
    await this.store.deleteConsoleUser(user.id);
  }

  /** A user of this account; another account's user is as unknown as a missing one. */
  private async ownUser(accountId: string, userId: string): Promise<ConsoleUserRecord> {
    const user = await this.store.getConsoleUser(userId);
    if (!user || user.accountId !== accountId) throw new DomainError('NotFound', `console user ${userId} does not exist`, 'UserId');
    return user;
  }

  /**
   * Checks the password and opens a session. Throws SignInRefused: Throttled before any check when the name or the
   * address has too many recent failures; BadCredentials alike for an unknown name, a disabled user and a wrong
   * password, each after one scrypt run, so neither the answer nor its timing tells which names exist.
   */
  async signIn(name: string, password: string, clientAddress: string): Promise<ConsoleSignedIn & { token: string }> {
    const wait = this.throttle.retryAfterSeconds(name, clientAddress);
    if (wait > 0) throw new SignInRefused('Throttled', wait);
    const user = await this.store.getConsoleUserByName(name);
    const matches = await this.hasher.verify(password, user?.passwordHash ?? (await this.decoyHash()));
    if (!user || !matches || user.disabledAt !== null) {
      this.throttle.recordFailure(name, clientAddress);
      throw new SignInRefused('BadCredentials');
    }
    this.throttle.recordSuccess(name);
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session: ConsoleSessionRecord = {
      tokenHash: hashSessionToken(token), userId: user.id, accountId: user.accountId,
      csrfToken: randomBytes(32).toString('base64url'), createdAt: now, expiresAt: now + SESSION_TTL_MS,
    };
    await this.store.insertConsoleSession(session);
    return { token, user: view(user), session };
  }

  /** The session of a cookie token and its user; undefined when it is unknown, expired or its user is disabled. */
  async resume(token: string): Promise<ConsoleSignedIn | undefined> {
    if (token === '') return undefined;
    const tokenHash = hashSessionToken(token);
    const session = await this.store.getConsoleSession(tokenHash);
    if (!session) return undefined;
    if (session.expiresAt <= this.clock.now()) {
      await this.store.deleteConsoleSession(tokenHash);
      return undefined;
    }
    const user = await this.store.getConsoleUser(session.userId);
    if (!user || user.disabledAt !== null) return undefined;
    return { user: view(user), session };
  }

  /** Ends the session of a cookie token; harmless when it is already gone. */
  async signOut(token: string): Promise<void> {
    await this.store.deleteConsoleSession(hashSessionToken(token));
  }

  /** Drops expired sessions; returns how many. */
  purgeExpired(): Promise<number> {
    return this.store.purgeExpiredConsoleSessions(this.clock.now());
  }

  /**
   * A hash of a random password, verified against when the name is unknown: the answer then takes as long as for a
   * real user with a wrong password. Made once, on first need.
   */
  private decoyHash(): Promise<string> {
    this.decoy ??= this.hasher.hash(randomBytes(18).toString('base64'));
    return this.decoy;
  }
}

function notYourself(what: 'disable' | 'delete'): DomainError {
  return new DomainError('InvalidState', `you cannot ${what} the console user you are signed in as; sign in as another user`, 'UserId');
}

function nameTaken(name: string): DomainError {
  return new DomainError('AlreadyExists', `a console user named ${name} already exists`, 'Name');
}
