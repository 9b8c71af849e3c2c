// "A workout for this member": a sentence in, the coach's workout out
// (POST .../members/{m}/generate-training), with its explanation, the
// remembered facts it applied and its exercises; Play streams it in the
// page's player (player.js), as on the Train page.
import { createStream } from './api.js';
import { post } from './manager_api.js';
import { $, NOT_FOR_YOUR_ROLE, el, humanize, isForbidden } from './manager_ui.js';
import { Player } from './player.js';

function showPlayerMessage(text, kind) {
  $('player-message').textContent = text;
  $('player-message').className = kind;
}

function appliedFactItem(applied) {
  return el('li', { dataset: { category: applied.category, factKey: applied.fact_key } },
    el('span', { className: `badge category ${applied.category}` }, applied.category), ' ',
    el('strong', {}, humanize(applied.fact_key)), `: ${applied.effect}`);
}

function exerciseItem(item) {
  const name = item.exercise ? item.exercise.name : item.exercise_id;
  return el('li', { dataset: { exerciseId: item.exercise_id } }, name);
}

export class MemberWorkout {
  constructor() {
    this.base = null;
    this.workout = null;
    this.player = null;  // made on the first Play
    $('member-workout-form').onsubmit = (event) => this.generate(event);
    $('member-play').onclick = () => this.play();
  }

  // A new member's card: a blank form and no workout.
  show(memberPath) {
    this.reset();
    this.base = memberPath;
  }

  reset() {
    this.base = null;
    this.workout = null;
    if (this.player) this.player.stop();
    $('member-player').hidden = true;
    $('member-workout').hidden = true;
    $('member-workout-form').reset();
    $('member-workout-status').textContent = '';
    $('workout-section').dataset.state = 'idle';
  }

  async generate(event) {
    event.preventDefault();
    const base = this.base;
    const section = $('workout-section');
    const text = new FormData($('member-workout-form')).get('user_input');
    $('member-generate').disabled = true;
    $('member-workout').hidden = true;
    section.dataset.state = 'thinking';
    $('member-workout-status').textContent = 'The coach is writing the workout…';
    try {
      const generated = await post(`${base}/generate-training`, { user_input: text });
      if (base !== this.base) return;
      this.render(generated);
      $('member-workout-status').textContent = '';
      section.dataset.state = 'ready';
    } catch (error) {
      if (base !== this.base) return;
      section.dataset.state = isForbidden(error) ? 'forbidden' : 'error';
      $('member-workout-status').textContent =
        isForbidden(error) ? NOT_FOR_YOUR_ROLE : `The coach could not help: ${error.message}`;
    } finally {
      $('member-generate').disabled = false;
    }
  }

  render(generated) {
    this.workout = generated;
    const minutes = Math.round(generated.total_duration / 60);
    $('member-workout-name').textContent = generated.name;
    $('member-workout-summary').textContent =
      `${minutes} min · ${generated.rounds} rounds · ${generated.exercises.length} exercises`;
    $('member-explanation').textContent = generated.explanation;
    $('member-explanation').lang = generated.language;
    const applied = generated.applied_facts || [];
    $('applied-facts').replaceChildren(...(applied.length ? applied.map(appliedFactItem)
      : [el('li', { className: 'muted' }, 'Nothing remembered changed this workout.')]));
    $('member-exercises').replaceChildren(...generated.exercises.map(exerciseItem));
    $('member-workout').dataset.workoutId = generated.sessionId;
    $('member-player').hidden = true;
    $('member-workout').hidden = false;
  }

  async play() {
    if (!this.workout) return;
    this.player = this.player || new Player($('video'), showPlayerMessage);
    $('member-player').hidden = false;
    showPlayerMessage('Preparing the stream…', 'info');
    try {
      const stream = await createStream(this.workout.sessionId);
      showPlayerMessage(`${Math.round(stream.duration_seconds / 60)} min of video.`, 'info');
      await this.player.load(stream);
    } catch (error) {
      showPlayerMessage(`Could not start the stream: ${error.message}`, 'error');
    }
  }
}
