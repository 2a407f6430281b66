# Tagging requests with make_ref so a reply can be matched to its request.
defmodule Server do
  def start do
    spawn(fn -> loop(0) end)
  end

  defp loop(count) do
    receive do
      {:request, from, ref, :count} ->
        send(from, {ref, count})
        loop(count)

      {:request, from, ref, {:add, n}} ->
        send(from, {ref, :ok})
        loop(count + n)
    end
  end

  def request(pid, msg) do
    ref = make_ref()
    send(pid, {:request, self(), ref, msg})
    receive do
      {^ref, reply} -> reply
    after
      1000 -> :timeout
    end
  end
end

pid = Server.start()
IO.inspect(Server.request(pid, {:add, 5}))
IO.inspect(Server.request(pid, {:add, 7}))
IO.inspect(Server.request(pid, :count))

r1 = make_ref()
r2 = make_ref()
IO.inspect(r1 == r2)
IO.inspect(r1 == r1)
IO.inspect(is_reference(r1))

# A stale reply with an old ref stays in the mailbox, ignored by the pinned receive.
stale = make_ref()
send(self(), {stale, :old_answer})
IO.inspect(Server.request(pid, :count))
IO.inspect(Process.info(self(), :message_queue_len), label: "stale reply still queued")
receive do
  {^stale, answer} -> IO.inspect(answer, label: "stale")
end
