// The thin C layer between Opine and ICU (libicuuc).
//
// This header deliberately uses only C standard types: Foundation on Linux bundles its
// own copy of ICU's headers, and exposing <unicode/*.h> to Swift would define ICU's
// types twice. ICU's version-suffixed symbol names (ubrk_open_72 ...) are resolved in
// opine_icu.c, where ICU's own headers are included.
//
// Break iteration runs over the caller's UTF-8 bytes directly (a UText over UTF-8), so
// every boundary is a UTF-8 byte offset into the caller's buffer. Each thread has its own
// iterators, opened on first use and closed when the thread exits, so the functions are
// safe to call from many threads at once. Between `*_begin` and the last `*_next` the
// caller must keep the text buffer alive and unchanged.

#ifndef OPINE_ICU_H
#define OPINE_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The kind of a word segment, from ICU's rule status (UWordBreakTag ranges).
enum {
    OPINE_SEGMENT_NONE = 0,    ///< spaces, punctuation, symbols, emoji
    OPINE_SEGMENT_NUMBER = 1,  ///< numbers
    OPINE_SEGMENT_LETTER = 2,  ///< words of letters
    OPINE_SEGMENT_KANA = 3,    ///< kana
    OPINE_SEGMENT_IDEO = 4     ///< ideographs
};

/// Starts word-boundary iteration over `length` bytes of UTF-8 at `utf8` on this thread.
/// Returns 0 on success, or an ICU error code (> 0).
int32_t opine_words_begin(const char *utf8, int32_t length);

/// The next word boundary (a byte offset), or -1 at the end. `segment_kind` receives the
/// OPINE_SEGMENT_* kind of the segment that ends at this boundary.
int32_t opine_words_next(int32_t *segment_kind);

/// The next word boundaries, up to `capacity` of them, in one call (what as many calls of
/// `opine_words_next` give): writes them to `boundaries` and the OPINE_SEGMENT_* kind of
/// the segment that ends at each to `kinds`. Returns the number written; fewer than
/// `capacity` means the iteration reached the end.
int32_t opine_words_fill(int32_t *boundaries, uint8_t *kinds, int32_t capacity);

/// Starts sentence-boundary iteration over `length` bytes of UTF-8 at `utf8` on this thread.
/// Returns 0 on success, or an ICU error code (> 0).
int32_t opine_sentences_begin(const char *utf8, int32_t length);

/// The next sentence boundary (a byte offset), or -1 at the end.
int32_t opine_sentences_next(void);

/// Case-folds (full, default folding) and NFC-normalizes `length` bytes of UTF-8.
/// Writes at most `capacity` bytes to `out` and returns the length the result needs,
/// which may exceed `capacity` (call again with a larger buffer), or -1 on error.
/// Ill-formed input is replaced by U+FFFD.
int32_t opine_fold_nfc(const char *utf8, int32_t length, char *out, int32_t capacity);

/// Character properties used to classify tokens (bit set of OPINE_CHAR_*).
enum {
    OPINE_CHAR_EXTENDED_PICTOGRAPHIC = 1 << 0,
    OPINE_CHAR_REGIONAL_INDICATOR = 1 << 1,
    OPINE_CHAR_EMOJI_MODIFIER = 1 << 2,
    OPINE_CHAR_UPPERCASE = 1 << 4,
    OPINE_CHAR_LOWERCASE = 1 << 5,
    OPINE_CHAR_PUNCTUATION = 1 << 6,
    OPINE_CHAR_WHITE_SPACE = 1 << 7
};

/// The OPINE_CHAR_* properties of the code point `c`.
int32_t opine_char_properties(int32_t c);

#ifdef __cplusplus
}
#endif

#endif
