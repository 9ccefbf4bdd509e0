#define _XOPEN_SOURCE 700
#include "CEditLineShim.h"

#include <wchar.h>

#include <pthread.h>
#include <signal.h>
#include <string.h>

int cel_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }

int cel_set_signal_handling(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }

int cel_disable_tty_signals(EditLine *el) { return el_set(el, EL_SETTY, "-d", "-isig", (const char *)NULL); }

int cel_set_prompt(EditLine *el, CEditLinePromptFunction prompt, char escape) {
    return el_set(el, EL_PROMPT_ESC, prompt, escape);
}

int cel_set_client_data(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }

void *cel_client_data(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

int cel_add_function(EditLine *el, const char *name, const char *help, CEditLineUserFunction function) {
    return el_set(el, EL_ADDFN, name, help, function);
}

int cel_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}

int cel_use_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }

int cel_terminal_width(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0 || columns <= 0) return 80;
    return columns;
}

int cel_refresh(EditLine *el) { return el_set(el, EL_REFRESH); }

int cel_character_width(unsigned int code_point) { return wcwidth((wchar_t)code_point); }

int cel_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

int cel_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

int cel_history_clear(History *h) {
    HistEvent event;
    return history(h, &event, H_CLEAR);
}

/* The one piece of process-wide state: a signal handler can reach nothing else. */
static volatile sig_atomic_t interrupt_pending = 0;

static void record_interrupt(int signal_number) {
    (void)signal_number;
    interrupt_pending = 1;
}

void cel_install_interrupt_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = record_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: a blocking read returns EINTR */
    sigaction(SIGINT, &action, NULL);
    /* A parent may have blocked SIGINT (and the mask is inherited): Ctrl-C must reach us. */
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &interrupt, NULL);
}

int cel_interrupt_pending(void) { return interrupt_pending != 0; }

void cel_clear_interrupt(void) { interrupt_pending = 0; }
