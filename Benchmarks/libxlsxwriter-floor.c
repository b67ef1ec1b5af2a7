/* What libxlsxwriter alone costs per workbook, without SkillPlan: writes N workbooks of three
 * sheets with ROWS x COLUMNS cells each (every other column text) into DIR, each to a temporary
 * name renamed into place as SkillPlan does, scratch files in /dev/shm, on one thread.
 *
 *   cc -O2 Benchmarks/libxlsxwriter-floor.c -o /tmp/lxw-floor $(pkg-config --cflags --libs xlsxwriter)
 *   mkdir -p /dev/shm/lxw-floor && /tmp/lxw-floor 1000 /dev/shm/lxw-floor 1 1
 *   /tmp/lxw-floor 1000 /dev/shm/lxw-floor 30 12
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <xlsxwriter.h>

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s N DIR ROWS COLUMNS\n", argv[0]);
        return 2;
    }
    int count = atoi(argv[1]), rows = atoi(argv[3]), columns = atoi(argv[4]);
    const char *directory = argv[2];
    char text[64], partial[512], final[512];
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int i = 0; i < count; i++) {
        snprintf(partial, sizeof partial, "%s/.w%d.partial", directory, i);
        snprintf(final, sizeof final, "%s/w%d.xlsx", directory, i);
        lxw_workbook_options options = {.constant_memory = 0, .tmpdir = "/dev/shm", .use_zip64 = 0};
        lxw_workbook *workbook = workbook_new_opt(partial, &options);
        if (!workbook) return 1;
        for (int s = 0; s < 3; s++) {
            lxw_worksheet *sheet = workbook_add_worksheet(workbook, NULL);
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < columns; c++) {
                    if (c % 2) {
                        snprintf(text, sizeof text, "STU-%06d", r * 7 + c);
                        worksheet_write_string(sheet, r, c, text, NULL);
                    } else {
                        worksheet_write_number(sheet, r, c, c * 1.5, NULL);
                    }
                }
        }
        if (workbook_close(workbook) != LXW_NO_ERROR || rename(partial, final) != 0) return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    printf("%d workbooks, 3 sheets of %d x %d cells: %.3f s, %.3f ms each\n", count, rows, columns, seconds,
           seconds * 1000 / count);
    return 0;
}
