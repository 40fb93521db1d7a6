/* Growable byte buffers and little-endian field access for wire frames. */
#include <stdlib.h>
#include <string.h>
#include "standin.h"
#include "wire.h"

/* Grows to at least `capacity`; buffers only grow, so a steady load allocates nothing. */
int buffer_reserve(standin_buffer *buffer, size_t capacity) {
  if (buffer->capacity >= capacity) return 0;
  size_t grown = buffer->capacity ? buffer->capacity : 4096;
  while (grown < capacity) grown *= 2;
  unsigned char *data = realloc(buffer->data, grown);
  if (!data) return -1;
  buffer->data = data;
  buffer->capacity = grown;
  return 0;
}

/* Starts a request frame with `fixed_bytes` of zeroed fields; returns where they start, or NULL. */
unsigned char *frame_begin(standin_buffer *out, int op, size_t fixed_bytes) {
  if (buffer_reserve(out, WIRE_HEADER_BYTES + fixed_bytes) != 0) return NULL;
  memset(out->data, 0, WIRE_HEADER_BYTES + fixed_bytes);
  out->data[4] = (unsigned char)op;
  out->length = WIRE_HEADER_BYTES + fixed_bytes;
  return out->data + WIRE_HEADER_BYTES;
}

void put_i32(unsigned char *at, int32_t value) {
  uint32_t v = (uint32_t)value;
  at[0] = (unsigned char)v;
  at[1] = (unsigned char)(v >> 8);
  at[2] = (unsigned char)(v >> 16);
  at[3] = (unsigned char)(v >> 24);
}

int32_t get_i32(const unsigned char *at) {
  return (int32_t)((uint32_t)at[0] | ((uint32_t)at[1] << 8) | ((uint32_t)at[2] << 16) | ((uint32_t)at[3] << 24));
}

/* MQ character fields are fixed length and blank padded; a NUL ends the source early. */
void put_chars(unsigned char *at, const char *source, size_t length) {
  size_t i = 0;
  for (; i < length && source[i] != '\0'; i++) at[i] = (unsigned char)source[i];
  for (; i < length; i++) at[i] = ' ';
}
