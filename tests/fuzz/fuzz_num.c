/* libFuzzer: the number parser. What parses formats back to itself. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "nb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    nb_num n, back, sum;
    char buf[40];
    int err = NB_OK;
    if (nb_num_parse((const char *)data, size, &n) != NB_OK) return 0;
    nb_num_format(n, buf, sizeof buf);
    if (nb_num_parse(buf, strlen(buf), &back) != NB_OK) abort();
    if (nb_num_cmp(n, back, &err) != 0 || err != NB_OK) abort();
    if (nb_num_add(n, back, &sum) == NB_OK && nb_num_sub(sum, back, &sum) == NB_OK &&
        nb_num_cmp(sum, n, &err) != 0)
        abort();
    return 0;
}
