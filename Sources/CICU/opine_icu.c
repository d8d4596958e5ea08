#include "opine_icu.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

/// One thread's break iterators and the UTexts they run over.
typedef struct {
    UBreakIterator *words;
    UBreakIterator *sentences;
    UText *word_text;
    UText *sentence_text;
} opine_thread_state;

static pthread_key_t state_key;
static pthread_once_t state_once = PTHREAD_ONCE_INIT;

static void free_state(void *pointer) {
    opine_thread_state *state = pointer;
    if (state == NULL) return;
    if (state->words) ubrk_close(state->words);
    if (state->sentences) ubrk_close(state->sentences);
    if (state->word_text) utext_close(state->word_text);
    if (state->sentence_text) utext_close(state->sentence_text);
    free(state);
}

static void make_key(void) { pthread_key_create(&state_key, free_state); }

static opine_thread_state *thread_state(void) {
    pthread_once(&state_once, make_key);
    opine_thread_state *state = pthread_getspecific(state_key);
    if (state == NULL) {
        state = calloc(1, sizeof *state);
        if (state == NULL) return NULL;
        pthread_setspecific(state_key, state);
    }
    return state;
}

/// Points `*text` at the UTF-8 buffer and `*iterator` at that text, opening both on first use.
static int32_t begin(UBreakIterator **iterator, UText **text, UBreakIteratorType type,
                     const char *utf8, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    static const char empty[1] = {0};
    *text = utext_openUTF8(*text, utf8 ? utf8 : empty, utf8 ? length : 0, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    if (*iterator == NULL) {
        *iterator = ubrk_open(type, "", NULL, 0, &status);
        if (U_FAILURE(status)) {
            *iterator = NULL;
            return (int32_t)status;
        }
    }
    ubrk_setUText(*iterator, *text, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    return 0;
}

int32_t opine_words_begin(const char *utf8, int32_t length) {
    opine_thread_state *state = thread_state();
    if (state == NULL) return (int32_t)U_MEMORY_ALLOCATION_ERROR;
    return begin(&state->words, &state->word_text, UBRK_WORD, utf8, length);
}

/// The OPINE_SEGMENT_* kind of the segment that ends at the word iterator's position.
static int32_t segment_kind(UBreakIterator *words) {
    int32_t tag = ubrk_getRuleStatus(words);
    if (tag < UBRK_WORD_NONE_LIMIT) return OPINE_SEGMENT_NONE;
    if (tag < UBRK_WORD_NUMBER_LIMIT) return OPINE_SEGMENT_NUMBER;
    if (tag < UBRK_WORD_LETTER_LIMIT) return OPINE_SEGMENT_LETTER;
    if (tag < UBRK_WORD_KANA_LIMIT) return OPINE_SEGMENT_KANA;
    return OPINE_SEGMENT_IDEO;
}

int32_t opine_words_next(int32_t *kind) {
    opine_thread_state *state = thread_state();
    if (state == NULL || state->words == NULL) return -1;
    int32_t boundary = ubrk_next(state->words);
    if (boundary == UBRK_DONE) return -1;
    if (kind != NULL) *kind = segment_kind(state->words);
    return boundary;
}

int32_t opine_words_fill(int32_t *boundaries, uint8_t *kinds, int32_t capacity) {
    opine_thread_state *state = thread_state();
    if (state == NULL || state->words == NULL) return 0;
    int32_t count = 0;
    while (count < capacity) {
        int32_t boundary = ubrk_next(state->words);
        if (boundary == UBRK_DONE) break;
        boundaries[count] = boundary;
        kinds[count] = (uint8_t)segment_kind(state->words);
        count++;
    }
    return count;
}

int32_t opine_sentences_begin(const char *utf8, int32_t length) {
    opine_thread_state *state = thread_state();
    if (state == NULL) return (int32_t)U_MEMORY_ALLOCATION_ERROR;
    return begin(&state->sentences, &state->sentence_text, UBRK_SENTENCE, utf8, length);
}

int32_t opine_sentences_next(void) {
    opine_thread_state *state = thread_state();
    if (state == NULL || state->sentences == NULL) return -1;
    int32_t boundary = ubrk_next(state->sentences);
    return boundary == UBRK_DONE ? -1 : boundary;
}

int32_t opine_fold_nfc(const char *utf8, int32_t length, char *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UChar stack_source[256], stack_folded[512], stack_normal[512];
    UChar *source = stack_source, *folded = stack_folded, *normal = stack_normal;
    int32_t result = -1;

    int32_t source_length = 0;
    u_strFromUTF8WithSub(NULL, 0, &source_length, utf8, length, 0xFFFD, NULL, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return -1;
    status = U_ZERO_ERROR;
    if (source_length > (int32_t)(sizeof stack_source / sizeof(UChar))) {
        source = malloc(sizeof(UChar) * (size_t)source_length);
    }
    int32_t folded_capacity = source_length * 3 + 1;
    if (folded_capacity > (int32_t)(sizeof stack_folded / sizeof(UChar))) {
        folded = malloc(sizeof(UChar) * (size_t)folded_capacity);
        normal = malloc(sizeof(UChar) * (size_t)folded_capacity);
    } else {
        folded_capacity = (int32_t)(sizeof stack_folded / sizeof(UChar));
    }
    if (source == NULL || folded == NULL || normal == NULL) goto done;

    u_strFromUTF8WithSub(source, source_length, NULL, utf8, length, 0xFFFD, NULL, &status);
    if (U_FAILURE(status)) goto done;
    int32_t folded_length =
        u_strFoldCase(folded, folded_capacity, source, source_length, U_FOLD_CASE_DEFAULT, &status);
    if (U_FAILURE(status)) goto done;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) goto done;
    int32_t normal_length = unorm2_normalize(nfc, folded, folded_length, normal, folded_capacity, &status);
    if (U_FAILURE(status)) goto done;
    int32_t needed = 0;
    u_strToUTF8(out, capacity, &needed, normal, normal_length, &status);
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) goto done;
    result = needed;

done:
    if (source != stack_source) free(source);
    if (folded != stack_folded) free(folded);
    if (normal != stack_normal) free(normal);
    return result;
}

int32_t opine_char_properties(int32_t c) {
    int32_t properties = 0;
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) properties |= OPINE_CHAR_EXTENDED_PICTOGRAPHIC;
    if (u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR)) properties |= OPINE_CHAR_REGIONAL_INDICATOR;
    if (u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER)) properties |= OPINE_CHAR_EMOJI_MODIFIER;
    if (u_hasBinaryProperty(c, UCHAR_UPPERCASE)) properties |= OPINE_CHAR_UPPERCASE;
    if (u_hasBinaryProperty(c, UCHAR_LOWERCASE)) properties |= OPINE_CHAR_LOWERCASE;
    if (u_hasBinaryProperty(c, UCHAR_WHITE_SPACE)) properties |= OPINE_CHAR_WHITE_SPACE;
    if (u_ispunct(c)) properties |= OPINE_CHAR_PUNCTUATION;
    return properties;
}
