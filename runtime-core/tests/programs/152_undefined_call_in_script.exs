# In a script, Elixir resolves a local call as it expands it, before its
# arguments: the outer undefined function is the error, and the argument's
# "variable does not exist" warning is never printed.
IO.puts("never printed: the script does not compile")
report(total)
