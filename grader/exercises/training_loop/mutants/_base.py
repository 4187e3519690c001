"""The training loop with a switch per classic mistake (each mutant turns one on)."""
import torch


def train(model, loader, loss_fn, optimizer, device, zero_grad=True, step_first=False, train_mode=True,
          batch_mean=False, keep_tensor=False):
    if train_mode:
        model.train()
    total, n, means = 0.0, 0, []
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        if zero_grad:
            optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        if step_first:
            optimizer.step()
        loss.backward()
        if not step_first:
            optimizer.step()
        total = total + (loss * len(x) if keep_tensor else loss.item() * len(x))
        means.append(loss.item())
        n += len(x)
    return sum(means) / len(means) if batch_mean else total / n


def evaluate(model, loader, loss_fn, device, eval_mode=True, no_grad=True, batch_mean=False):
    if eval_mode:
        model.eval()
    total, correct, n, means = 0.0, 0, 0, []
    with torch.set_grad_enabled(not no_grad):
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            loss = loss_fn(logits, y).item()
            total += loss * len(x)
            means.append(loss)
            correct += (logits.argmax(dim=1) == y).sum().item()
            n += len(x)
    return (sum(means) / len(means) if batch_mean else total / n), correct / n
