import OpineText
print(Tokenizer().tokenize("hello").tokens.count)
