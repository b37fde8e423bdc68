import "server-only";
import type { PrismaClient } from "@prisma/client";
import { findLabAttemptBySandbox, listTaskResults, recordHintShown, recordSolutionShown, revealedHints } from "@/lib/db/lab-attempts";
import { solutionState } from "@/lib/labs/attempt";
import { createSandboxService } from "./factory";
import { findLab } from "./grading";

// The demo learners' lab work: real commands typed into real lab sandboxes through the sandbox
// service, so the attempts, checklists and timelines are exactly what the recording makes of
// them. The instructor dashboard has something true to show on the first start.

type Step = string | { hint: [taskId: string, index: number] } | { solution: true };

interface Story {
  email: string;
  lab: string;
  /** When the learner started, counted back from the seeding. */
  daysAgo: number;
  steps: Step[];
  /** What the story must end with; a changed lab or engine that breaks it fails the seed. */
  expect: { completed: boolean; passed: string[] };
}

const INSPECT_IP = "docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web";
const MACVLAN = "docker network create -d macvlan --subnet 172.28.0.0/24 --ip-range 172.28.0.1/24 news";

const DEPLOYMENT = `cat <<'EOF' > nginx-deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  namespace: name-space
spec:
  replicas: 5
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginxdemos/hello:0.2
        ports:
        - containerPort: 80
EOF`;

export const demoStories: Story[] = [
  {
    // Completed, with a wrong step: cleaning up the first try of task 2 removes news as well.
    email: "ayse@example.com",
    lab: "docker-macvlan-network",
    daysAgo: 3,
    steps: [
      "ssh tony@stapp01",
      "Ir0nM@n",
      "sudo su -",
      "Ir0nM@n",
      "docker network ls",
      MACVLAN,
      "docker network inspect news",
      "docker network create --subnet 172.29.0.0/24 news-half",
      "docker run -d --name web --network news-half nginx",
      INSPECT_IP,
      "docker rm -f web",
      "docker network rm news news-half",
      "docker network ls",
      MACVLAN,
      "docker network create --subnet 172.29.0.0/24 --ip-range 172.29.0.128/25 news-half",
      "docker run -d --name web --network news-half nginx",
      INSPECT_IP,
    ],
    expect: { completed: true, passed: ["create-news", "half-range"] },
  },
  {
    // Half done: the namespace and the Deployment; a hint on the probes, not yet applied.
    email: "dmitri@example.com",
    lab: "deployment-probes-resources",
    daysAgo: 2,
    steps: [
      "kubectl get nodes",
      "kubectl create namespace name-space",
      DEPLOYMENT,
      "kubectl apply -f nginx-deployment.yaml",
      "kubectl rollout status deployment/nginx-deployment -n name-space",
      "kubectl get pods -n name-space -o wide",
      { hint: ["probes", 0] },
      "kubectl explain deployment.spec.template.spec.containers.livenessProbe",
    ],
    expect: { completed: false, passed: ["deployment", "namespace"] },
  },
  {
    // Completed after hints and, for the last task, the solution.
    email: "noa@example.com",
    lab: "docker-bridge-networks",
    daysAgo: 1,
    steps: [
      "ssh steve@stapp02",
      "Am3ric@",
      "sudo -i",
      "Am3ric@",
      "docker network create --subnet 10.10.0.0/24 --gateway 10.10.0.1 app-net",
      "docker network inspect app-net",
      "docker run -d --name db --network app-net redis",
      { hint: ["containers-on-network", 0] },
      { hint: ["containers-on-network", 1] },
      "docker run -d --name web --network app-net --ip 10.10.0.10 nginx",
      "docker run -d --name legacy busybox sleep 3600",
      "docker exec legacy nslookup web",
      { hint: ["name-resolution", 0] },
      { hint: ["name-resolution", 1] },
      { hint: ["name-resolution", 2] },
      { solution: true },
      "docker network connect app-net legacy",
      "docker exec legacy nslookup web > /root/web-lookup.txt",
      "cat /root/web-lookup.txt",
    ],
    expect: { completed: true, passed: ["containers-on-network", "name-resolution", "user-network"] },
  },
];

/** Seconds between two steps of a story: a learner reading, thinking and typing. */
const PACE_MS = [35_000, 50_000, 20_000, 65_000, 40_000];

async function play(db: PrismaClient, story: Story, userId: string, now: number) {
  const lab = findLab(story.lab);
  if (!lab) throw new Error(`demo: no lab ${story.lab}`);
  const start = now - story.daysAgo * 24 * 60 * 60_000;
  let clock = start;
  const service = createSandboxService(db, { now: () => clock });
  const { id } = await service.create(userId, story.lab);
  const attempt = await findLabAttemptBySandbox(id, db);
  if (!attempt) throw new Error(`demo: no attempt for ${story.lab}`);

  for (const [i, step] of story.steps.entries()) {
    clock += PACE_MS[i % PACE_MS.length]!;
    if (typeof step === "string") {
      await service.exec(id, userId, step);
    } else if ("hint" in step) {
      const [taskId, index] = step.hint;
      const shown = await recordHintShown(attempt.id, { taskId, index, at: new Date(clock) }, db);
      if (shown.outcome !== "new") throw new Error(`demo: hint ${index} of ${taskId} is not the next one`);
    } else {
      // The same rule the page applies: the solution only after a real attempt.
      await service.open(id, userId);
      const [results, revealed, row] = await Promise.all([listTaskResults(attempt.id, db), revealedHints(attempt.id, db), db.labAttempt.findUniqueOrThrow({ where: { id: attempt.id } })]);
      const passed = new Set(results.filter((r) => r.passed).map((r) => r.taskId));
      const state = solutionState({
        tasks: lab.tasks.map((t) => ({ id: t.id, hints: t.hints.length, passed: passed.has(t.id) })),
        revealed,
        commandCount: row.commandCount,
        startedAt: row.startedAt,
        completed: row.completedAt !== null,
        now: new Date(clock),
      });
      if (!state.unlocked) throw new Error(`demo: the solution of ${story.lab} is not open yet`);
      await recordSolutionShown(attempt.id, { at: new Date(clock) }, db);
    }
  }

  // Snapshots are written after the answers: they finish before the seeding ends.
  await service.settle();
  const row = await db.labAttempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { completedAt: true } });
  const passed = (await listTaskResults(attempt.id, db)).filter((r) => r.passed).map((r) => r.taskId).sort();
  if ((row.completedAt !== null) !== story.expect.completed || passed.join() !== story.expect.passed.join()) {
    throw new Error(`demo: ${story.email} in ${story.lab} ended with ${passed.join(", ") || "no task"} passing, completed: ${row.completedAt !== null}`);
  }
}

/** Plays every story for the demo learners (who must exist). */
export async function seedDemoLabAttempts(db: PrismaClient, now = Date.now()): Promise<void> {
  for (const story of demoStories) {
    const user = await db.user.findUniqueOrThrow({ where: { email: story.email }, select: { id: true } });
    await play(db, story, user.id, now);
  }
}
