# exit({:shutdown, 4}) ends the script silently with exit status 4.
IO.puts("stopping with status 4")
exit({:shutdown, 4})
