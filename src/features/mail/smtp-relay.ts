/**
 * Handing one mail to the SMTP relay, with nodemailer. Every wait is bounded (connecting, the
 * greeting, silence on the socket), so a relay that hangs fails the attempt instead of holding a
 * sign-up or an API call; the mail then waits in the outbox. Bodies are quoted-printable, so no
 * line is longer than 76 characters whatever the text.
 */
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { describeRelay, type RelayTimeouts, type SmtpRelaySettings } from './mail-settings.js';
import type { OutboxMail } from './records.js';

/** Where a mail is handed on; the SMTP relay in a deployment. */
export interface MailRelay {
  /** Resolves once the relay accepted the mail; rejects with a `RelayFailure`. */
  deliver(mail: OutboxMail, messageId: string): Promise<void>;
  /** `smtp://host:port`, without the password. */
  readonly description: string;
  close(): void;
}

/** Why the relay did not take a mail; `connection`: the relay could not be reached or spoken to, so the next mail will fare no better. */
export class RelayFailure extends Error {
  constructor(
    message: string,
    readonly connection: boolean,
  ) {
    super(message);
  }
}

/** nodemailer's codes for failures of the connection, not of one mail. */
const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EAUTH', 'ECONNREFUSED', 'EPROTOCOL']);

function failureOf(error: unknown): RelayFailure {
  const { code, responseCode, message } = (error ?? {}) as { code?: string; responseCode?: number; message?: string };
  const text = (message ?? String(error)).replace(/\s+/g, ' ').trim().slice(0, 500);
  return new RelayFailure(responseCode ? `${responseCode} ${text.replace(new RegExp(`^${responseCode}\\s*`), '')}` : text, code !== undefined && CONNECTION_CODES.has(code));
}

export class SmtpRelay implements MailRelay {
  readonly #transport: Transporter;
  readonly description: string;

  constructor(settings: SmtpRelaySettings, timeouts: RelayTimeouts, clientName: string) {
    this.description = describeRelay(settings);
    this.#transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: settings.auth && { user: settings.auth.user, pass: settings.auth.pass },
      name: clientName,
      connectionTimeout: timeouts.connectMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
      dnsTimeout: timeouts.connectMs,
    });
  }

  async deliver(mail: OutboxMail, messageId: string): Promise<void> {
    try {
      await this.#transport.sendMail({
        // Objects, not header text: nodemailer quotes or encodes the name, and the address was checked.
        from: { name: mail.fromName, address: mail.fromAddress },
        to: { name: '', address: mail.toAddress },
        subject: mail.subject,
        text: mail.text,
        ...(mail.html === null ? {} : { html: mail.html }),
        textEncoding: 'quoted-printable',
        messageId,
        date: mail.createdAt,
        headers: { 'Auto-Submitted': 'auto-generated' },
        // No address from a header: the envelope is exactly the two checked addresses.
        envelope: { from: mail.fromAddress, to: [mail.toAddress] },
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    } catch (error) {
      throw failureOf(error);
    }
  }

  close(): void {
    this.#transport.close();
  }
}
