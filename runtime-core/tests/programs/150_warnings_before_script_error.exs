# A compile error in the script's own code: Elixir stops expanding the file
# there, having printed the warnings it gives as it goes (an underscored
# variable that is read, a literal whose value is dropped, a name used as a
# variable that is none); the unused variables it would report at the end of
# the file are never reported.
unused = 1
_count = 2
IO.inspect(_count)
"a note"
IO.puts(total)
IO.puts("never")
