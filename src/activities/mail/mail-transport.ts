import nodemailer, { type Transporter } from 'nodemailer';

/**
 * A pooled SMTP transport from SMTP_URL. Pooling keeps a few connections open, so a reminder wave
 * to thousands of units does not pay a TCP and SMTP handshake per message. Settings in the URL
 * (e.g. ?pool=false) win over these.
 */
export function createMailTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 5 });
}
