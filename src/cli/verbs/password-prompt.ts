// Reading credentials as helm does: `registry login` asks for a username
// (a line of standard input) and a password (from the terminal, echo off);
// `repo add --username` asks for the password. Prompts go to stdout. Without
// a terminal, reading a password fails with Go's "inappropriate ioctl for device".
import { CliError, type CliIO } from "../io.ts";

/**
 * Prints prompt, then golang.org/x/term's ReadPassword on standard input.
 * Echo goes off before the prompt shows, so a fast typist's reply never echoes.
 */
export async function readPassword(io: CliIO, prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    io.stdout(prompt);
    throw new CliError("inappropriate ioctl for device");
  }
  return new Promise((resolve, reject) => {
    let buf = "";
    const finish = (err: Error | null) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      if (err) reject(err);
      else resolve(buf);
    };
    // Raw mode stands in for "echo off": line editing is done here.
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return finish(null);
        if (ch === "\u0003") {
          stdin.setRawMode(false);
          process.kill(process.pid, "SIGINT");
          return;
        }
        if (ch === "\u0004" && buf === "") return finish(new CliError("EOF"));
        if (ch === "\u007f" || ch === "\b") buf = [...buf].slice(0, -1).join("");
        else if (ch === "\u0015") buf = "";
        else buf += ch;
      }
    };
    stdin.setRawMode(true);
    io.stdout(prompt);
    stdin.resume();
    stdin.on("data", onData);
  });
}

/** One line of standard input (bufio's ReadLine: a last line may lack its newline); "EOF" when input is empty. */
async function readLine(io: CliIO): Promise<string> {
  // A terminal never ends its input: take the first line as it is typed.
  const all = process.stdin.isTTY ? await terminalLine() : io.stdin ? await io.stdin() : "";
  if (all === "") throw new CliError("EOF");
  const nl = all.indexOf("\n");
  return (nl < 0 ? all : all.slice(0, nl)).replace(/\r$/, "");
}

/** Everything on standard input without one trailing newline (and then one carriage return). */
export async function passwordFromStdin(io: CliIO): Promise<string> {
  const all = io.stdin ? await io.stdin() : "";
  return all.replace(/\n$/, "").replace(/\r$/, "");
}

/** `registry login`'s getUsernamePassword. */
export async function registryUsernamePassword(
  io: CliIO,
  username: string,
  password: string,
  fromStdin: boolean,
  warn: (msg: string) => void,
): Promise<{ username: string; password: string }> {
  if (fromStdin) return { username, password: await passwordFromStdin(io) };
  if (password !== "") {
    warn("using --password via the CLI is insecure. Use --password-stdin");
    return { username, password };
  }
  if (username === "") {
    io.stdout("Username: ");
    username = (await readLine(io)).trim();
  }
  password = await readPassword(io, username === "" ? "Token: " : "Password: ");
  io.stdout("\n");
  if (password === "") throw new CliError("password required");
  return { username, password };
}

/** `repo add`'s prompt: --username without --password. */
export async function repoAddPassword(io: CliIO, fromStdin: boolean): Promise<string> {
  if (fromStdin) return passwordFromStdin(io);
  let password: string;
  try {
    password = await readPassword(io, "Password: ");
  } finally {
    io.stdout("\n");
  }
  return password;
}

/** One line typed on the terminal (canonical mode delivers it whole). */
function terminalLine(): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve) => {
    let buf = "";
    const onData = (chunk: Buffer) => {
      buf += chunk.toString("utf8");
      if (!buf.includes("\n")) return;
      stdin.off("data", onData);
      stdin.off("end", onEnd);
      stdin.pause();
      resolve(buf);
    };
    const onEnd = () => {
      stdin.off("data", onData);
      resolve(buf);
    };
    stdin.on("data", onData);
    stdin.on("end", onEnd);
    stdin.resume();
  });
}
