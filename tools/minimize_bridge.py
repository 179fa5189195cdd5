"""A descent test problem evaluated by a Java child process (tools/minimize_objective_server.java),
so that scipy sees exactly descent's f and gradient. Shared by the minimize_scipy_* scripts."""
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAVA = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
# the class path of the Java side; DESCENT_CP overrides it (e.g. descent-core/target/classes:deps.jar)
JAR = os.environ.get("DESCENT_CP", os.path.join(ROOT, "descent-cli", "target", "descent-cli-all.jar"))
SERVER = os.path.join(ROOT, "tools", "minimize_objective_server.java")


class JavaProblem:
    def __init__(self, name, dim=None):
        args = [JAVA, "-cp", JAR, SERVER, name] + ([str(dim)] if dim else [])
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True, bufsize=1)
        head = self.proc.stdout.readline().split()
        self.n = int(head[0])
        self.f_star = float(head[1])
        self.x0 = [float(v) for v in head[2:]]
        self.calls = 0

    def fg(self, x):
        import numpy as np
        self.calls += 1
        self.proc.stdin.write(" ".join(repr(float(v)) for v in x) + "\n")
        vals = [float(v) for v in self.proc.stdout.readline().split()]
        return vals[0], np.array(vals[1:])

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()
