/* The hard floor: libyaml in C, scanner + parser only (events, no tree), over the same files.
 *
 * usage: floor-c OUT_DIR      (reads OUT_DIR/pipelines/ *.yaml and OUT_DIR/accounts.d/ *.yaml)
 * build: cc -O2 bench/validate/floor.c -lyaml -o bench/.build/floor-c   (Debian: libyaml-dev)
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

static int scan(const char *folder, long *events) {
    DIR *dir = opendir(folder);
    if (!dir) return -1;
    int files = 0;
    struct dirent *entry;
    char path[4096];
    while ((entry = readdir(dir))) {
        size_t length = strlen(entry->d_name);
        if (entry->d_name[0] == '.' || length < 5 || strcmp(entry->d_name + length - 5, ".yaml") != 0) continue;
        snprintf(path, sizeof path, "%s/%s", folder, entry->d_name);
        FILE *file = fopen(path, "rb");
        if (!file) return -1;
        yaml_parser_t parser;
        yaml_event_t event;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_file(&parser, file);
        for (int done = 0; !done; (*events)++) {
            if (!yaml_parser_parse(&parser, &event)) {
                fprintf(stderr, "%s: %s\n", path, parser.problem);
                return -1;
            }
            done = event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
        }
        yaml_parser_delete(&parser);
        fclose(file);
        files++;
    }
    closedir(dir);
    return files;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: floor-c OUT_DIR\n");
        return 2;
    }
    char folder[4096];
    long events = 0;
    int total = 0;
    const char *subs[] = {"pipelines", "accounts.d"};
    for (int i = 0; i < 2; i++) {
        snprintf(folder, sizeof folder, "%s/%s", argv[1], subs[i]);
        int files = scan(folder, &events);
        if (files < 0) return 1;
        total += files;
    }
    printf("%d documents, %ld events\n", total, events);
    return 0;
}
