# exit(:normal), exit(:shutdown) and exit({:shutdown, term}) end the script quietly with status 0;
# exit({:shutdown, n}) with an integer n would end it with status n.
IO.puts("stopping with a shutdown reason")
exit({:shutdown, :done})
IO.puts("not reached")
