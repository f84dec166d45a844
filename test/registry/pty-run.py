# Runs a command on a pseudo-terminal, answers each prompt (argv[1]: JSON list
# of [prompt, reply]) when it appears, and prints everything the terminal
# showed as JSON {"output": ..., "status": ...}. For password-prompt tests.
import json, os, pty, select, sys, termios

answers = json.loads(sys.argv[1])
cmd = sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
out = b""
pending = list(answers)
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
    while pending and pending[0][0].encode() in out.split(b"\n")[-1]:
        # A password prompt: reply once the program has turned echo off
        # (the master reads the terminal's settings), as a person would.
        # Up to 60 s: on a loaded machine the gap between prompt and echo-off
        # can pass the old 5 s, and a reply typed with echo on shows the password.
        if "assword" in pending[0][0] or "Token" in pending[0][0]:
            for _ in range(6000):
                if not termios.tcgetattr(fd)[3] & termios.ECHO:
                    break
                select.select([], [], [], 0.01)
        os.write(fd, pending.pop(0)[1].encode())
_, status = os.waitpid(pid, 0)
print(json.dumps({"output": out.decode("utf-8", "replace"), "status": os.waitstatus_to_exitcode(status)}))
