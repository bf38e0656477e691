/* proto.c — gRPC services and protobuf messages of .proto files, parsed by
 * protoc and decoded from its FileDescriptorSet with protobuf-c (see proto.h). */
#include "proto.h"

#include "google/protobuf/descriptor.pb-c.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* A lookup index: entries sorted by key, then by set order. */
typedef struct an_proto__entry {
  const char *key;
  const void *item;
  const void *owner; /* the service of a method */
} an_proto__entry;

typedef struct an_proto__index {
  an_proto__entry *items;
  size_t len;
} an_proto__index;

struct an_proto_set {
  as_arena *arena; /* every string and every field, value and method array */
  AS_ARRAY(an_proto_service) services;
  AS_ARRAY(an_proto_message) messages;
  AS_ARRAY(an_proto_enum) enums;
  AS_ARRAY(as_diag) diags;
  an_proto__index by_message, by_service, by_enum, by_method;
};

typedef AS_ARRAY(char *) an_proto__args;

/* ---- running protoc ------------------------------------------------------------ */

/* Runs argv (argv[0] == "protoc") without a shell; its standard error goes to
 * errout. Returns its exit status (-2 when a signal ended it), or -1 with
 * *spawn_errno when it cannot be started. */
static int an_proto__run(char *const argv[], as_buf *errout, int *spawn_errno) {
  int fds[2];
  if (pipe(fds) != 0) {
    *spawn_errno = errno;
    return -1;
  }
  /* not inherited by what other threads spawn meanwhile */
  fcntl(fds[0], F_SETFD, FD_CLOEXEC);
  fcntl(fds[1], F_SETFD, FD_CLOEXEC);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&fa, fds[0]);
  posix_spawn_file_actions_addclose(&fa, fds[1]);
  posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  pid_t pid;
  int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    *spawn_errno = rc;
    return -1;
  }
  char chunk[16384];
  for (;;) {
    ssize_t r = read(fds[0], chunk, sizeof chunk);
    if (r > 0)
      as_buf_put(errout, chunk, (size_t)r);
    else if (r == 0 || errno != EINTR)
      break;
  }
  close(fds[0]);
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) {
      *spawn_errno = errno;
      return -1;
    }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -2;
}

/* ---- diagnostics ---------------------------------------------------------------- */

static void an_proto__diag(an_proto_set *self, as_diag_level level, const char *path, uint32_t line,
                           uint32_t col, const char *code, const char *msg) {
  for (size_t i = 0; i < self->diags.len; i++) {
    const as_diag *d = &self->diags.items[i];
    if (d->level == level && d->line == line && d->col == col && strcmp(d->path, path) == 0 &&
        strcmp(d->code, code) == 0 && strcmp(d->message, msg) == 0)
      return;
  }
  as_diag d = {level, as_arena_strdup(self->arena, path), line, col,
               code,  as_arena_strdup(self->arena, msg)};
  as_array_push(&self->diags, d);
}

/* Digits at *p as a line or column number; advances *p. False when none. */
static bool an_proto__number(const char **p, const char *end, uint32_t *out) {
  const char *q = *p;
  uint64_t v = 0;
  while (q < end && *q >= '0' && *q <= '9' && v < UINT32_MAX)
    v = v * 10 + (uint64_t)(*q++ - '0');
  if (q == *p || v > UINT32_MAX) return false;
  *out = (uint32_t)v;
  *p = q;
  return true;
}

/* One line of protoc's error output (gcc format):
 *   path:line:col: [warning: ]message
 *   path: message            (path ending in ".proto": a missing import)
 *   anything else            (charged to fallback_path, line 0) */
static void an_proto__error_line(an_proto_set *self, const char *s, size_t n,
                                 const char *fallback_path) {
  const char *end = s + n, *msg = NULL;
  char *path = NULL;
  uint32_t line = 0, col = 0;
  for (const char *c = s; c < end && !msg; c++) {
    if (*c != ':') continue;
    const char *q = c + 1;
    uint32_t l, k;
    if (!an_proto__number(&q, end, &l) || q == end || *q != ':') continue;
    q++;
    if (!an_proto__number(&q, end, &k) || q == end || *q != ':') continue;
    path = as_strndup(s, (size_t)(c - s));
    line = l, col = k, msg = q + 1;
  }
  if (!msg) {
    const char *c = strstr(s, ": ");
    if (c && c < end && c - s > 6 && memcmp(c - 6, ".proto", 6) == 0) {
      path = as_strndup(s, (size_t)(c - s));
      msg = c + 1;
    } else {
      path = as_strdup(fallback_path);
      msg = s;
    }
  }
  while (msg < end && *msg == ' ')
    msg++;
  as_diag_level level = AS_DIAG_ERROR;
  const char *code = "proto-error";
  if ((size_t)(end - msg) >= 9 && memcmp(msg, "warning: ", 9) == 0) {
    level = AS_DIAG_WARNING, code = "proto-warning";
    msg += 9;
  }
  char *text = as_strndup(msg, (size_t)(end - msg));
  an_proto__diag(self, level, path, line, col, code, text);
  free(text);
  free(path);
}

/* Every non-empty line of protoc's error output as a diagnostic. Returns how
 * many lines there were. */
static size_t an_proto__errors(an_proto_set *self, const as_buf *out, const char *fallback_path) {
  size_t count = 0;
  const char *s = out->data ? out->data : "";
  while (*s) {
    const char *nl = strchr(s, '\n');
    size_t n = nl ? (size_t)(nl - s) : strlen(s);
    while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == ' '))
      n--;
    if (n > 0) {
      char *line = as_strndup(s, n);
      an_proto__error_line(self, line, n, fallback_path);
      free(line);
      count++;
    }
    s = nl ? nl + 1 : s + strlen(s);
  }
  return count;
}

/* ---- decoding --------------------------------------------------------------------- */

/* SourceCodeInfo lines of one file: location path ("4,0,2,1") -> span[0] + 1. */
typedef struct an_proto__lines {
  as_intern *keys;
  as_ptrmap map;
  AS_ARRAY(int32_t) path; /* the path of the declaration being read */
  as_buf key;
} an_proto__lines;

static const char *an_proto__key(an_proto__lines *self, const int32_t *path, size_t n) {
  self->key.len = 0;
  as_buf_puts(&self->key, "");
  for (size_t i = 0; i < n; i++)
    as_buf_printf(&self->key, i ? ",%d" : "%d", (int)path[i]);
  return as_intern_str(self->keys, self->key.data);
}

static void an_proto__lines_init(an_proto__lines *self,
                                 const Google__Protobuf__SourceCodeInfo *info) {
  memset(self, 0, sizeof *self);
  self->keys = as_intern_new();
  if (!info) return;
  for (size_t i = 0; i < info->n_location; i++) {
    const Google__Protobuf__SourceCodeInfo__Location *loc = info->location[i];
    if (loc->n_span < 3 || loc->span[0] < 0) continue;
    void **slot = as_ptrmap_slot(&self->map, an_proto__key(self, loc->path, loc->n_path));
    if (!*slot) *slot = (void *)(uintptr_t)((uint32_t)loc->span[0] + 1);
  }
}

static void an_proto__lines_free(an_proto__lines *self) {
  as_intern_delete(self->keys);
  as_ptrmap_free(&self->map);
  as_array_free(&self->path);
  as_buf_free(&self->key);
}

/* The line of the current path extended by (a, b). */
static uint32_t an_proto__line(an_proto__lines *self, int32_t a, int32_t b) {
  as_array_push(&self->path, a);
  as_array_push(&self->path, b);
  const char *key = an_proto__key(self, self->path.items, self->path.len);
  self->path.len -= 2;
  return (uint32_t)(uintptr_t)as_ptrmap_get(&self->map, key);
}

/* Field numbers of FileDescriptorProto / DescriptorProto / EnumDescriptorProto /
 * ServiceDescriptorProto in descriptor.proto: the steps of location paths. */
enum {
  AN_PROTO__FILE_MESSAGE = 4,
  AN_PROTO__FILE_ENUM = 5,
  AN_PROTO__FILE_SERVICE = 6,
  AN_PROTO__MESSAGE_FIELD = 2,
  AN_PROTO__MESSAGE_NESTED = 3,
  AN_PROTO__MESSAGE_ENUM = 4,
  AN_PROTO__ENUM_VALUE = 2,
  AN_PROTO__SERVICE_METHOD = 2,
};

static const char *an_proto__scalar(Google__Protobuf__FieldDescriptorProto__Type t) {
  switch (t) {
  case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_DOUBLE:
    return "double";
  case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_FLOAT:
    return "float";
  case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_INT64:
    return "int64";
  case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_UINT64:
    return "uint64";
  case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_INT32:
    return "int32";
  case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_FIXED64:
    return "fixed64";
  case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_FIXED32:
    return "fixed32";
  case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_BOOL:
    return "bool";
  case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_STRING:
    return "string";
  case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_BYTES:
    return "bytes";
  case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_UINT32:
    return "uint32";
  case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_SFIXED32:
    return "sfixed32";
  case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_SFIXED64:
    return "sfixed64";
  case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_SINT32:
    return "sint32";
  case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_SINT64:
    return "sint64";
  default:
    return NULL; /* message, group, enum: named by type_name */
  }
}

/* A type name as protoc writes it (".billing.v1.Address") without the dot. */
static const char *an_proto__type_name(an_proto_set *self, const char *name) {
  if (!name) return "";
  return as_arena_strdup(self->arena, name[0] == '.' ? name + 1 : name);
}

/* protoc's default json_name (ToJsonName): drop each '_', upper-case the
 * character after it. Used only when the descriptor lacks json_name. */
static const char *an_proto__json_name(an_proto_set *self, const char *name) {
  size_t n = strlen(name);
  char *out = as_arena_alloc(self->arena, n + 1);
  size_t k = 0;
  bool up = false;
  for (size_t i = 0; i < n; i++) {
    if (name[i] == '_') {
      up = true;
      continue;
    }
    out[k++] = up && name[i] >= 'a' && name[i] <= 'z' ? (char)(name[i] - 'a' + 'A') : name[i];
    up = false;
  }
  out[k] = '\0';
  return out;
}

static const char *an_proto__join(an_proto_set *self, const char *prefix, const char *name) {
  if (!prefix || !*prefix) return as_arena_strdup(self->arena, name);
  char *s = as_sprintf("%s.%s", prefix, name);
  const char *r = as_arena_strdup(self->arena, s);
  free(s);
  return r;
}

static void an_proto__enum(an_proto_set *self, const Google__Protobuf__EnumDescriptorProto *ed,
                           const char *prefix, const char *path, an_proto__lines *lines,
                           int32_t step, int32_t index) {
  an_proto_enum e = {0};
  e.full_name = an_proto__join(self, prefix, ed->name ? ed->name : "");
  e.path = path;
  e.line = an_proto__line(lines, step, index);
  e.nvalues = (uint32_t)ed->n_value;
  if (ed->n_value) e.values = as_arena_alloc(self->arena, ed->n_value * sizeof *e.values);
  as_array_push(&lines->path, step);
  as_array_push(&lines->path, index);
  for (size_t j = 0; j < ed->n_value; j++) {
    const Google__Protobuf__EnumValueDescriptorProto *vd = ed->value[j];
    e.values[j].name = as_arena_strdup(self->arena, vd->name ? vd->name : "");
    e.values[j].number = vd->number;
    e.values[j].line = an_proto__line(lines, AN_PROTO__ENUM_VALUE, (int32_t)j);
  }
  lines->path.len -= 2;
  as_array_push(&self->enums, e);
}

/* A message at path + (step, index), then its nested messages and enums. */
static void an_proto__message(an_proto_set *self, const Google__Protobuf__DescriptorProto *md,
                              const char *prefix, const char *path, an_proto__lines *lines,
                              int32_t step, int32_t index) {
  an_proto_message m = {0};
  m.name = as_arena_strdup(self->arena, md->name ? md->name : "");
  m.full_name = an_proto__join(self, prefix, m.name);
  m.path = path;
  m.line = an_proto__line(lines, step, index);
  m.map_entry = md->options && md->options->has_map_entry && md->options->map_entry;
  m.nfields = (uint32_t)md->n_field;
  if (md->n_field) m.fields = as_arena_alloc(self->arena, md->n_field * sizeof *m.fields);
  as_array_push(&lines->path, step);
  as_array_push(&lines->path, index);
  for (size_t j = 0; j < md->n_field; j++) {
    const Google__Protobuf__FieldDescriptorProto *fd = md->field[j];
    an_proto_field *f = &m.fields[j];
    f->name = as_arena_strdup(self->arena, fd->name ? fd->name : "");
    f->json_name = fd->json_name ? as_arena_strdup(self->arena, fd->json_name)
                                 : an_proto__json_name(self, f->name);
    const char *scalar = an_proto__scalar(fd->type);
    f->type = scalar ? scalar : an_proto__type_name(self, fd->type_name);
    f->is_enum = fd->type == GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_ENUM;
    f->is_message = fd->type == GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_MESSAGE ||
                    fd->type == GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_GROUP;
    f->number = fd->number;
    f->repeated = fd->label == GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__LABEL__LABEL_REPEATED;
    f->line = an_proto__line(lines, AN_PROTO__MESSAGE_FIELD, (int32_t)j);
  }
  as_array_push(&self->messages, m);
  for (size_t k = 0; k < md->n_nested_type; k++)
    an_proto__message(self, md->nested_type[k], m.full_name, path, lines, AN_PROTO__MESSAGE_NESTED,
                      (int32_t)k);
  for (size_t k = 0; k < md->n_enum_type; k++)
    an_proto__enum(self, md->enum_type[k], m.full_name, path, lines, AN_PROTO__MESSAGE_ENUM,
                   (int32_t)k);
  lines->path.len -= 2;
}

static void an_proto__service(an_proto_set *self,
                              const Google__Protobuf__ServiceDescriptorProto *sd,
                              const char *package, const char *path, an_proto__lines *lines,
                              int32_t index) {
  an_proto_service s = {0};
  s.name = as_arena_strdup(self->arena, sd->name ? sd->name : "");
  s.full_name = an_proto__join(self, package, s.name);
  s.package = package;
  s.path = path;
  s.line = an_proto__line(lines, AN_PROTO__FILE_SERVICE, index);
  s.nmethods = (uint32_t)sd->n_method;
  if (sd->n_method) s.methods = as_arena_alloc(self->arena, sd->n_method * sizeof *s.methods);
  as_array_push(&lines->path, AN_PROTO__FILE_SERVICE);
  as_array_push(&lines->path, index);
  for (size_t j = 0; j < sd->n_method; j++) {
    const Google__Protobuf__MethodDescriptorProto *md = sd->method[j];
    an_proto_method *m = &s.methods[j];
    m->name = as_arena_strdup(self->arena, md->name ? md->name : "");
    char *grpc = as_sprintf("/%s/%s", s.full_name, m->name);
    m->full_name = as_arena_strdup(self->arena, grpc);
    free(grpc);
    m->input_type = an_proto__type_name(self, md->input_type);
    m->output_type = an_proto__type_name(self, md->output_type);
    m->client_streaming = md->has_client_streaming && md->client_streaming;
    m->server_streaming = md->has_server_streaming && md->server_streaming;
    m->line = an_proto__line(lines, AN_PROTO__SERVICE_METHOD, (int32_t)j);
  }
  lines->path.len -= 2;
  as_array_push(&self->services, s);
}

static void an_proto__file(an_proto_set *self, const Google__Protobuf__FileDescriptorProto *fd) {
  const char *path = as_arena_strdup(self->arena, fd->name ? fd->name : "");
  const char *package = as_arena_strdup(self->arena, fd->package ? fd->package : "");
  an_proto__lines lines;
  an_proto__lines_init(&lines, fd->source_code_info);
  size_t first_enum = self->enums.len;
  for (size_t i = 0; i < fd->n_message_type; i++)
    an_proto__message(self, fd->message_type[i], package, path, &lines, AN_PROTO__FILE_MESSAGE,
                      (int32_t)i);
  for (size_t i = 0; i < fd->n_enum_type; i++)
    an_proto__enum(self, fd->enum_type[i], package, path, &lines, AN_PROTO__FILE_ENUM, (int32_t)i);
  /* nested enums were read with their messages: back to declaration order
   * (a stable insertion sort by line; files have few enums) */
  for (size_t i = first_enum + 1; i < self->enums.len; i++) {
    an_proto_enum e = self->enums.items[i];
    size_t j = i;
    for (; j > first_enum && self->enums.items[j - 1].line > e.line; j--)
      self->enums.items[j] = self->enums.items[j - 1];
    self->enums.items[j] = e;
  }
  for (size_t i = 0; i < fd->n_service; i++)
    an_proto__service(self, fd->service[i], package, path, &lines, (int32_t)i);
  an_proto__lines_free(&lines);
}

/* Decode the FileDescriptorSet protoc wrote to file, whose files protoc lists
 * imports first: read them in the order of names (the nfiles relpaths of the
 * run), then any protoc named otherwise. False when it cannot be read or
 * decoded. */
static bool an_proto__decode(an_proto_set *self, const char *file, const char *const *names,
                             size_t nnames) {
  char *data;
  size_t len;
  if (as_read_file(file, &data, &len) != 0) return false;
  Google__Protobuf__FileDescriptorSet *set =
      google__protobuf__file_descriptor_set__unpack(NULL, len, (const uint8_t *)data);
  free(data);
  if (!set) return false;
  bool *done = as_calloc(set->n_file ? set->n_file : 1, sizeof *done);
  for (size_t k = 0; k < nnames; k++)
    for (size_t i = 0; i < set->n_file; i++)
      if (!done[i] && set->file[i]->name && strcmp(set->file[i]->name, names[k]) == 0) {
        an_proto__file(self, set->file[i]);
        done[i] = true;
        break;
      }
  for (size_t i = 0; i < set->n_file; i++)
    if (!done[i]) an_proto__file(self, set->file[i]);
  free(done);
  google__protobuf__file_descriptor_set__free_unpacked(set, NULL);
  return true;
}

/* ---- loading ------------------------------------------------------------------------ */

/* root/rel (root alone when rel is NULL; an empty root is "."), with "./" in front when it would
 * start like an option ("-") or a response file ("@") on protoc's command line. The caller frees
 * it. */
static char *an_proto__disk_path(const char *root, const char *rel) {
  if (!*root) root = ".";
  size_t n = strlen(root);
  while (n > 1 && root[n - 1] == '/')
    n--;
  const char *dot = root[0] == '-' || root[0] == '@' ? "./" : "";
  if (!rel) return as_sprintf("%s%.*s", dot, (int)n, root);
  if (n == 1 && root[0] == '/') return as_sprintf("/%s", rel);
  return as_sprintf("%s%.*s/%s", dot, (int)n, root, rel);
}

/* The folder that holds the well-known types, or NULL (protoc then falls back
 * on its own default include path). */
static const char *an_proto__wkt_dir(void) {
  static const char *const dirs[] = {"/usr/include", "/usr/local/include"};
  for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
    char *f = as_sprintf("%s/google/protobuf/descriptor.proto", dirs[i]);
    bool ok = access(f, R_OK) == 0;
    free(f);
    if (ok) return dirs[i];
  }
  return NULL;
}

static int an_proto__by_key(const void *a, const void *b) {
  const an_proto__entry *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  if (c) return c;
  return x->item < y->item ? -1 : x->item > y->item;
}

static void an_proto__index_add(an_proto__index *self, size_t *cap, const char *key,
                                const void *item, const void *owner) {
  if (self->len == *cap) {
    *cap = *cap ? *cap * 2 : 16;
    self->items = as_realloc(self->items, *cap * sizeof *self->items);
  }
  self->items[self->len++] = (an_proto__entry){key, item, owner};
}

static void an_proto__index_build(an_proto_set *self) {
  size_t cap[4] = {0};
  for (size_t i = 0; i < self->messages.len; i++)
    an_proto__index_add(&self->by_message, &cap[0], self->messages.items[i].full_name,
                        &self->messages.items[i], NULL);
  for (size_t i = 0; i < self->enums.len; i++)
    an_proto__index_add(&self->by_enum, &cap[1], self->enums.items[i].full_name,
                        &self->enums.items[i], NULL);
  for (size_t i = 0; i < self->services.len; i++) {
    const an_proto_service *s = &self->services.items[i];
    an_proto__index_add(&self->by_service, &cap[2], s->full_name, s, NULL);
    for (uint32_t j = 0; j < s->nmethods; j++)
      an_proto__index_add(&self->by_method, &cap[3], s->methods[j].full_name, &s->methods[j], s);
  }
  an_proto__index *all[] = {&self->by_message, &self->by_enum, &self->by_service, &self->by_method};
  for (size_t i = 0; i < 4; i++)
    if (all[i]->len) qsort(all[i]->items, all[i]->len, sizeof *all[i]->items, an_proto__by_key);
}

/* The first entry (in set order) with key, or NULL. */
static const an_proto__entry *an_proto__index_find(const an_proto__index *self, const char *key) {
  if (!key) return NULL;
  size_t lo = 0, hi = self->len;
  while (lo < hi) { /* lower bound of key */
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(self->items[mid].key, key) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < self->len && strcmp(self->items[lo].key, key) == 0 ? &self->items[lo] : NULL;
}

int an_proto_load(const char *root, const char *const *relpaths, size_t n, an_proto_set **out,
                  char *err, size_t errlen) {
  *out = NULL;
  if (err && errlen) err[0] = '\0';
  an_proto_set *self = as_calloc(1, sizeof *self);
  self->arena = as_arena_new();

  /* The files that exist, each once, and the include path. */
  AS_ARRAY(const char *) files = {0};
  an_proto__args includes = {0};
  char *rootdisk = an_proto__disk_path(root, NULL);
  as_array_push(&includes, as_sprintf("--proto_path=%s", rootdisk));
  free(rootdisk);
  for (size_t i = 0; i < n; i++) {
    bool seen = false;
    for (size_t j = 0; j < files.len && !seen; j++)
      seen = strcmp(files.items[j], relpaths[i]) == 0;
    if (seen) continue;
    char *disk = an_proto__disk_path(root, relpaths[i]);
    struct stat st;
    int rc = stat(disk, &st), stat_errno = errno;
    free(disk);
    if (rc != 0 || !S_ISREG(st.st_mode)) {
      an_proto__diag(self, AS_DIAG_ERROR, relpaths[i], 0, 0, "proto-error",
                     rc != 0 ? strerror(stat_errno) : "not a regular file");
      continue;
    }
    as_array_push(&files, relpaths[i]);
    const char *slash = strrchr(relpaths[i], '/');
    if (!slash) continue;
    /* A buf module root above the file (a folder with buf.yaml): imports
     * are relative to it ("contract/v1/types.proto" from protos/). */
    for (size_t len = (size_t)(slash - relpaths[i]); len > 0;) {
      char *up = as_strndup(relpaths[i], len);
      char *marker = an_proto__disk_path(root, up);
      char *buf = as_sprintf("%s/buf.yaml", marker);
      struct stat bst;
      if (stat(buf, &bst) == 0) {
        char *inc = as_sprintf("--proto_path=%s", marker);
        bool dup = false;
        for (size_t j = 0; j < includes.len && !dup; j++)
          dup = strcmp(includes.items[j], inc) == 0;
        if (dup)
          free(inc);
        else
          as_array_push(&includes, inc);
      }
      free(buf);
      free(marker);
      free(up);
      while (len > 0 && relpaths[i][len - 1] != '/')
        len--;
      if (len) len--; /* the folder above */
    }
    char *dir = as_strndup(relpaths[i], (size_t)(slash - relpaths[i]));
    char *dirdisk = an_proto__disk_path(root, dir);
    char *inc = as_sprintf("--proto_path=%s", dirdisk);
    free(dir);
    free(dirdisk);
    bool dup = false;
    for (size_t j = 0; j < includes.len && !dup; j++)
      dup = strcmp(includes.items[j], inc) == 0;
    if (dup)
      free(inc);
    else
      as_array_push(&includes, inc);
  }
  const char *wkt = an_proto__wkt_dir();
  if (wkt) as_array_push(&includes, as_sprintf("--proto_path=%s", wkt));

  const char *tmpdir = getenv("TMPDIR");
  char *tmp = as_sprintf("%s/assay-proto.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
  int fd = files.len ? mkstemp(tmp) : -1;
  int status = 0;
  if (files.len && fd < 0) {
    snprintf(err, errlen, "cannot create a temporary file %s: %s", tmp, strerror(errno));
    status = -1;
  }
  if (fd >= 0) close(fd);

  /* argv: protoc, the include path, the options, then the files of one run. */
  an_proto__args argv = {0};
  as_array_push(&argv, as_strdup("protoc"));
  for (size_t i = 0; i < includes.len; i++)
    as_array_push(&argv, as_strdup(includes.items[i]));
  as_array_push(&argv, as_strdup("--include_source_info"));
  as_array_push(&argv, as_sprintf("--descriptor_set_out=%s", tmp));
  size_t fixed = argv.len;
  for (size_t i = 0; i < files.len; i++)
    as_array_push(&argv, an_proto__disk_path(root, files.items[i]));
  as_array_push(&argv, NULL);

  /* All at once; when protoc rejects the batch, file by file. */
  as_buf errout = {0};
  int spawn_errno = 0;
  int rc = files.len && status == 0 ? an_proto__run(argv.items, &errout, &spawn_errno) : 0;
  if (rc == -1) {
    if (spawn_errno == ENOENT)
      snprintf(err, errlen, "protoc not found: install protobuf-compiler");
    else
      snprintf(err, errlen, "cannot run protoc: %s", strerror(spawn_errno));
    status = -1;
  } else if (files.len && status == 0 && rc == 0) {
    an_proto__errors(self, &errout, files.items[0]);
    if (!an_proto__decode(self, tmp, files.items, files.len))
      for (size_t i = 0; i < files.len; i++)
        an_proto__diag(self, AS_DIAG_ERROR, files.items[i], 0, 0, "proto-error",
                       "cannot decode protoc's descriptor set");
  } else if (files.len && status == 0) {
    char **one = as_malloc((fixed + 2) * sizeof *one);
    memcpy(one, argv.items, fixed * sizeof *one);
    one[fixed + 1] = NULL;
    for (size_t i = 0; i < files.len; i++) {
      one[fixed] = argv.items[fixed + i];
      errout.len = 0;
      if (errout.data) errout.data[0] = '\0';
      rc = an_proto__run(one, &errout, &spawn_errno);
      if (rc == -1) {
        snprintf(err, errlen, "cannot run protoc: %s", strerror(spawn_errno));
        status = -1;
        break;
      }
      size_t lines = an_proto__errors(self, &errout, files.items[i]);
      if (rc == 0) {
        if (!an_proto__decode(self, tmp, &files.items[i], 1))
          an_proto__diag(self, AS_DIAG_ERROR, files.items[i], 0, 0, "proto-error",
                         "cannot decode protoc's descriptor set");
      } else if (lines == 0) {
        char *msg = rc == -2 ? as_sprintf("protoc was killed by a signal")
                             : as_sprintf("protoc failed with exit status %d", rc);
        an_proto__diag(self, AS_DIAG_ERROR, files.items[i], 0, 0, "proto-error", msg);
        free(msg);
      }
    }
    free(one);
  }
  as_buf_free(&errout);
  if (fd >= 0) unlink(tmp);
  free(tmp);
  for (size_t i = 0; i < argv.len; i++)
    free(argv.items[i]);
  as_array_free(&argv);
  for (size_t i = 0; i < includes.len; i++)
    free(includes.items[i]);
  as_array_free(&includes);
  as_array_free(&files);
  if (status != 0) {
    an_proto_set_delete(self);
    return -1;
  }
  an_proto__index_build(self);
  *out = self;
  return 0;
}

void an_proto_set_delete(an_proto_set *self) {
  if (!self) return;
  as_array_free(&self->services);
  as_array_free(&self->messages);
  as_array_free(&self->enums);
  as_array_free(&self->diags);
  free(self->by_message.items);
  free(self->by_service.items);
  free(self->by_enum.items);
  free(self->by_method.items);
  as_arena_delete(self->arena);
  free(self);
}

/* ---- reading ---------------------------------------------------------------------------- */

const an_proto_service *an_proto_services(const an_proto_set *self, size_t *n) {
  *n = self->services.len;
  return self->services.items;
}

const an_proto_message *an_proto_messages(const an_proto_set *self, size_t *n) {
  *n = self->messages.len;
  return self->messages.items;
}

const an_proto_enum *an_proto_enums(const an_proto_set *self, size_t *n) {
  *n = self->enums.len;
  return self->enums.items;
}

const as_diag *an_proto_diags(const an_proto_set *self, size_t *n) {
  *n = self->diags.len;
  return self->diags.items;
}

const an_proto_message *an_proto_find_message(const an_proto_set *self, const char *full_name) {
  const an_proto__entry *e = an_proto__index_find(&self->by_message, full_name);
  return e ? e->item : NULL;
}

const an_proto_service *an_proto_find_service(const an_proto_set *self, const char *full_name) {
  const an_proto__entry *e = an_proto__index_find(&self->by_service, full_name);
  return e ? e->item : NULL;
}

const an_proto_enum *an_proto_find_enum(const an_proto_set *self, const char *full_name) {
  const an_proto__entry *e = an_proto__index_find(&self->by_enum, full_name);
  return e ? e->item : NULL;
}

const an_proto_method *an_proto_find_method(const an_proto_set *self, const char *grpc_path,
                                            const an_proto_service **service) {
  const an_proto__entry *e = an_proto__index_find(&self->by_method, grpc_path);
  if (service) *service = e ? e->owner : NULL;
  return e ? e->item : NULL;
}
