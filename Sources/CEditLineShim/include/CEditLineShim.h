// Fixed-argument wrappers over libedit's variadic el_set, el_get and history,
// which Swift cannot call, and the interrupt flag that a signal handler sets.
#ifndef CEDITLINESHIM_H
#define CEDITLINESHIM_H

#include <histedit.h>

typedef char *(*CEditLinePromptFunction)(EditLine *);
typedef unsigned char (*CEditLineUserFunction)(EditLine *, int);

int cel_set_editor(EditLine *el, const char *mode);
int cel_set_signal_handling(EditLine *el, int on);
/// Turns off signal generation (ISIG) while the line is being edited, so that
/// ^C reaches the editor as a key instead of killing the line reader.
int cel_disable_tty_signals(EditLine *el);
int cel_set_prompt(EditLine *el, CEditLinePromptFunction prompt, char escape);
int cel_set_client_data(EditLine *el, void *data);
void *cel_client_data(EditLine *el);
int cel_add_function(EditLine *el, const char *name, const char *help, CEditLineUserFunction function);
int cel_bind(EditLine *el, const char *key, const char *function);
int cel_use_history(EditLine *el, History *history);
int cel_terminal_width(EditLine *el);
/// Redraws the prompt and the line (after the prompt or the line changed under the editor).
int cel_refresh(EditLine *el);
/// Cells the terminal gives one character (wcwidth), -1 for a control character.
int cel_character_width(unsigned int code_point);

int cel_history_set_size(History *history, int size);
int cel_history_enter(History *history, const char *line);
int cel_history_clear(History *history);

/// Installs a SIGINT handler (without SA_RESTART) that only records the signal.
void cel_install_interrupt_handler(void);
/// Whether SIGINT arrived since the last call to cel_clear_interrupt.
int cel_interrupt_pending(void);
void cel_clear_interrupt(void);

#endif
