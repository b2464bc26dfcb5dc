/*
 * richards: Martin Richards' operating-system simulation benchmark, as in
 * pyperformance "richards" (itself after the BCPL/Smalltalk originals). Six
 * tasks - an idle task, a worker, two packet handlers and two devices - pass
 * packets to each other under a priority scheduler; each task's step is a
 * "method" called through a function pointer (Python's virtual Task.fn), so in
 * Wasm every step is a call_indirect.
 *
 * Differences from pyperformance: C structs and malloc/free instead of Python
 * objects; the per-kind task records are one struct with a union; no tracing.
 * Every iteration builds the six tasks and eight packets afresh, like the
 * Python version, and frees them afterwards.
 *
 * Known answer: each iteration (idle count 10000) ends with holdCount = 9297
 * and qpktCount = 23246, the values pyperformance and the original benchmark
 * check; the program exits with status 1 if they differ.
 *
 * usage: richards ITERATIONS     (1 <= ITERATIONS <= 10^7)
 * prints "iterations=..., holdCount=..., qpktCount=..." of the last iteration
 * and the totals over all iterations.
 */
#include <stdio.h>
#include <stdlib.h>

enum { I_IDLE = 1, I_WORK, I_HANDLERA, I_HANDLERB, I_DEVA, I_DEVB };
enum { K_DEV = 1000, K_WORK = 1001 };
#define BUFSIZE 4
#define TASKTABSIZE 10
#define EXPECTED_HOLD 9297
#define EXPECTED_QPKT 23246

typedef struct Packet {
    struct Packet *link;
    int ident, kind, datum;
    int data[BUFSIZE];
} Packet;

/* The task-kind specific state (pyperformance's *TaskRec classes). */
typedef union {
    struct { Packet *pending; } device;
    struct { int control, count; } idle;
    struct { Packet *work_in, *device_in; } handler;
    struct { int destination, count; } worker;
} TaskRec;

typedef struct Task Task;
/* One step of a task with its input packet (or NULL); returns the next task to run (or NULL). */
typedef Task *(*TaskFn)(Task *self, Packet *pkt, TaskRec *rec);

struct Task {
    Task *link;
    int ident, priority;
    Packet *input;
    int packet_pending, task_waiting, task_holding;
    TaskFn fn;
    TaskRec rec;
};

static struct {
    Task *task_tab[TASKTABSIZE];
    Task *task_list;
    long hold_count, qpkt_count;
} area;

static void *xmalloc(size_t size) {
    void *p = malloc(size);
    if (p == NULL) {
        fprintf(stderr, "richards: out of memory\n");
        exit(3);
    }
    return p;
}

static Packet *new_packet(Packet *link, int ident, int kind) {
    Packet *p = xmalloc(sizeof(Packet));
    p->link = link;
    p->ident = ident;
    p->kind = kind;
    p->datum = 0;
    for (int i = 0; i < BUFSIZE; i++) p->data[i] = 0;
    return p;
}

/* Appends p to the end of the list lst; returns the list's new head. */
static Packet *append_to(Packet *p, Packet *lst) {
    p->link = NULL;
    if (lst == NULL) return p;
    Packet *q = lst;
    while (q->link != NULL) q = q->link;
    q->link = p;
    return lst;
}

/* Initial states (pyperformance's TaskState helpers): pending, waiting, holding. */
typedef struct { int packet_pending, task_waiting, task_holding; } TaskState;
static const TaskState RUNNING = {0, 0, 0}, WAITING = {0, 1, 0}, WAITING_WITH_PACKET = {1, 1, 0};

static Task *new_task(int ident, int priority, Packet *input, TaskState state, TaskFn fn, TaskRec rec) {
    Task *t = xmalloc(sizeof(Task));
    t->link = area.task_list;
    t->ident = ident;
    t->priority = priority;
    t->input = input;
    t->packet_pending = state.packet_pending;
    t->task_waiting = state.task_waiting;
    t->task_holding = state.task_holding;
    t->fn = fn;
    t->rec = rec;
    area.task_list = t;
    area.task_tab[ident] = t;
    return t;
}

static Task *find_tcb(int ident) {
    Task *t = ident >= 0 && ident < TASKTABSIZE ? area.task_tab[ident] : NULL;
    if (t == NULL) {
        fprintf(stderr, "richards: bad task id %d\n", ident);
        exit(3);
    }
    return t;
}

static Task *wait_task(Task *self) {
    self->task_waiting = 1;
    return self;
}

static Task *hold(Task *self) {
    area.hold_count++;
    self->task_holding = 1;
    return self->link;
}

static Task *release(Task *self, int ident) {
    Task *t = find_tcb(ident);
    t->task_holding = 0;
    return t->priority > self->priority ? t : self;
}

static Task *add_packet(Task *self, Packet *p, Task *old) {
    if (self->input == NULL) {
        self->input = p;
        self->packet_pending = 1;
        if (self->priority > old->priority) return self;
    } else {
        append_to(p, self->input);
    }
    return old;
}

/* Sends pkt to the task named by pkt->ident. */
static Task *qpkt(Task *self, Packet *pkt) {
    Task *t = find_tcb(pkt->ident);
    area.qpkt_count++;
    pkt->link = NULL;
    pkt->ident = self->ident;
    return add_packet(t, pkt, self);
}

static Task *device_fn(Task *self, Packet *pkt, TaskRec *r) {
    if (pkt == NULL) {
        pkt = r->device.pending;
        if (pkt == NULL) return wait_task(self);
        r->device.pending = NULL;
        return qpkt(self, pkt);
    }
    r->device.pending = pkt;
    return hold(self);
}

static Task *handler_fn(Task *self, Packet *pkt, TaskRec *r) {
    if (pkt != NULL) {
        if (pkt->kind == K_WORK) r->handler.work_in = append_to(pkt, r->handler.work_in);
        else r->handler.device_in = append_to(pkt, r->handler.device_in);
    }
    Packet *work = r->handler.work_in;
    if (work == NULL) return wait_task(self);
    int count = work->datum;
    if (count >= BUFSIZE) {
        r->handler.work_in = work->link;
        return qpkt(self, work);
    }
    Packet *dev = r->handler.device_in;
    if (dev == NULL) return wait_task(self);
    r->handler.device_in = dev->link;
    dev->datum = work->data[count];
    work->datum = count + 1;
    return qpkt(self, dev);
}

static Task *idle_fn(Task *self, Packet *pkt, TaskRec *r) {
    (void) pkt;
    r->idle.count--;
    if (r->idle.count == 0) return hold(self);
    if ((r->idle.control & 1) == 0) {
        r->idle.control /= 2;
        return release(self, I_DEVA);
    }
    r->idle.control = (r->idle.control / 2) ^ 53256;
    return release(self, I_DEVB);
}

static Task *work_fn(Task *self, Packet *pkt, TaskRec *r) {
    if (pkt == NULL) return wait_task(self);
    int dest = r->worker.destination == I_HANDLERA ? I_HANDLERB : I_HANDLERA;
    r->worker.destination = dest;
    pkt->ident = dest;
    pkt->datum = 0;
    for (int i = 0; i < BUFSIZE; i++) {
        r->worker.count++;
        if (r->worker.count > 26) r->worker.count = 1;
        pkt->data[i] = 'A' + r->worker.count - 1;
    }
    return qpkt(self, pkt);
}

/* Takes the first input packet when the task waits with one, then runs the task's step. */
static Task *run_task(Task *t) {
    Packet *msg = NULL;
    if (t->packet_pending && t->task_waiting && !t->task_holding) {
        msg = t->input;
        t->input = msg->link;
        t->packet_pending = t->input != NULL;
        t->task_waiting = 0;
        t->task_holding = 0;
    }
    return t->fn(t, msg, &t->rec);
}

static void schedule(void) {
    Task *t = area.task_list;
    while (t != NULL) {
        if (t->task_holding || (!t->packet_pending && t->task_waiting)) t = t->link;
        else t = run_task(t);
    }
}

/* Packets are created in chains of two or three; collected here to be freed. */
static Packet *packets[8];

static Packet *chain(int n, int ident, int kind, int *next) {
    Packet *p = NULL;
    for (int i = 0; i < n; i++) p = packets[(*next)++] = new_packet(p, ident, kind);
    return p;
}

/* One run of the benchmark; 1 when the counts match the known answer. */
static int run_once(void) {
    area.hold_count = area.qpkt_count = 0;
    area.task_list = NULL;
    for (int i = 0; i < TASKTABSIZE; i++) area.task_tab[i] = NULL;
    int np = 0;
    TaskRec r;

    r.idle.control = 1;
    r.idle.count = 10000;
    new_task(I_IDLE, 0, NULL, RUNNING, idle_fn, r);
    r.worker.destination = I_HANDLERA;
    r.worker.count = 0;
    new_task(I_WORK, 1000, chain(2, 0, K_WORK, &np), WAITING_WITH_PACKET, work_fn, r);
    r.handler.work_in = r.handler.device_in = NULL;
    new_task(I_HANDLERA, 2000, chain(3, I_DEVA, K_DEV, &np), WAITING_WITH_PACKET, handler_fn, r);
    new_task(I_HANDLERB, 3000, chain(3, I_DEVB, K_DEV, &np), WAITING_WITH_PACKET, handler_fn, r);
    r.device.pending = NULL;
    new_task(I_DEVA, 4000, NULL, WAITING, device_fn, r);
    new_task(I_DEVB, 5000, NULL, WAITING, device_fn, r);

    schedule();

    for (Task *t = area.task_list; t != NULL;) {
        Task *next = t->link;
        free(t);
        t = next;
    }
    for (int i = 0; i < np; i++) free(packets[i]);
    return area.hold_count == EXPECTED_HOLD && area.qpkt_count == EXPECTED_QPKT;
}

int main(int argc, char **argv) {
    char *end;
    long iterations = argc == 2 ? strtol(argv[1], &end, 10) : -1;
    if (argc != 2 || *end != '\0' || iterations < 1 || iterations > 10000000) {
        fprintf(stderr, "usage: richards ITERATIONS   (1 <= ITERATIONS <= 10000000)\n");
        return 2;
    }
    long ok = 0;
    long long hold_total = 0, qpkt_total = 0; /* 64-bit also in wasm32, where long is 32-bit */
    for (long i = 0; i < iterations; i++) {
        ok += run_once();
        hold_total += area.hold_count;
        qpkt_total += area.qpkt_count;
    }
    printf("iterations=%ld, holdCount=%ld, qpktCount=%ld\n", iterations, area.hold_count, area.qpkt_count);
    printf("total holdCount=%lld, total qpktCount=%lld\n", hold_total, qpkt_total);
    if (ok != iterations) {
        printf("FAILED: %ld of %ld iterations differ from holdCount=%d qpktCount=%d\n",
               iterations - ok, iterations, EXPECTED_HOLD, EXPECTED_QPKT);
        return 1;
    }
    return 0;
}
