/* The floor of the gkml benchmark: parse YAML files with libyaml, event by event, and nothing else.
 *
 *   cc -O2 -o bench/.build/floor bench/floor.c -lyaml
 *   bench/.build/floor LIST [BASE]
 *
 * LIST names one file a line (relative to BASE, default the folder of LIST). Each file is read whole
 * into memory, then yaml_parser_parse is called until STREAM_END; single-threaded, no tree is built.
 * Exit 0 when every file parsed, 1 on a parse error, 2 on an I/O error. Prints a one-line summary to
 * stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static unsigned char *read_whole(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0;
    unsigned char *buf = malloc(cap);
    for (;;) {
        if (len == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        if (n == 0) break;
        len += n;
    }
    fclose(f);
    *size = len;
    return buf;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s LIST [BASE]\n", argv[0]);
        return 2;
    }
    char base[4096];
    if (argc > 2) {
        snprintf(base, sizeof base, "%s", argv[2]);
    } else {
        snprintf(base, sizeof base, "%s", argv[1]);
        char *slash = strrchr(base, '/');
        if (slash) *slash = 0; else strcpy(base, ".");
    }
    FILE *list = fopen(argv[1], "r");
    if (!list) {
        perror(argv[1]);
        return 2;
    }
    char line[4096], path[8192];
    unsigned long files = 0, events = 0;
    unsigned long long bytes = 0;
    while (fgets(line, sizeof line, list)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0]) continue;
        snprintf(path, sizeof path, "%s/%s", base, line);
        size_t size = 0;
        unsigned char *data = read_whole(path, &size);
        if (!data) {
            perror(path);
            return 2;
        }
        yaml_parser_t parser;
        yaml_event_t event;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, data, size);
        int done = 0;
        while (!done) {
            if (!yaml_parser_parse(&parser, &event)) {
                fprintf(stderr, "%s:%zu:%zu: %s\n", path, parser.problem_mark.line + 1,
                        parser.problem_mark.column + 1, parser.problem ? parser.problem : "parse error");
                return 1;
            }
            done = event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
            events++;
        }
        yaml_parser_delete(&parser);
        free(data);
        files++;
        bytes += size;
    }
    fclose(list);
    fprintf(stderr, "floor: %lu files, %llu bytes, %lu events\n", files, bytes, events);
    return 0;
}
