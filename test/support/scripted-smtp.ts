/**
 * A minimal SMTP server on loopback that answers as a test scripts it: a refused recipient (550),
 * a deferral (451), or a connection dropped right after the message was received (the server may
 * have queued it; the client never hears back). Real sockets, real nodemailer on the other side.
 */
import net, { type AddressInfo } from 'node:net';

export interface SmtpScript {
  /** Reply to RCPT TO (default "250 2.1.5 OK"). */
  rcpt?: string;
  /** After the message's final ".": a reply, or 'close' to drop the connection unanswered. */
  afterData?: string;
}

export interface ScriptedSmtpServer {
  url: string;
  /** Messages received in full (up to the final "."), whatever the reply was. */
  received: string[];
  close(): Promise<void>;
}

export async function startScriptedSmtp(script: SmtpScript): Promise<ScriptedSmtpServer> {
  const received: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let inData = false;
    let message = '';
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 scripted.test ESMTP');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        if (inData) {
          if (line !== '.') {
            message += `${line}\r\n`;
            continue;
          }
          inData = false;
          received.push(message);
          message = '';
          if (script.afterData === 'close') {
            socket.destroy();
            return;
          }
          reply(script.afterData ?? '250 2.0.0 queued');
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'EHLO') reply('250 scripted.test');
        else if (command === 'HELO') reply('250 scripted.test');
        else if (command === 'MAIL') reply('250 2.1.0 OK');
        else if (command === 'RCPT') reply(script.rcpt ?? '250 2.1.5 OK');
        else if (command === 'DATA') {
          inData = true;
          reply('354 end with <CRLF>.<CRLF>');
        } else if (command === 'RSET' || command === 'NOOP') reply('250 OK');
        else if (command === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('502 5.5.1 not implemented');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
