// The coach: a sentence in, a saved workout and its explanation out
// (POST /api/generate-training), handed to the page like a hand-made one.
import { post } from './api.js';

const $ = (id) => document.getElementById(id);

// onWorkout(workout): the generated workout in the shape of GET /api/workouts/{id}.
export function setUpAssistant(onWorkout) {
  $('assistant').onsubmit = async (event) => {
    event.preventDefault();
    const text = new FormData($('assistant')).get('user_input');
    $('explanation').textContent = 'Thinking…';
    $('generate').disabled = true;
    try {
      const generated = await post('/api/generate-training', { user_input: text });
      $('explanation').textContent = generated.explanation;
      $('explanation').lang = generated.language;
      onWorkout({ ...generated, id: generated.sessionId });
    } catch (error) {
      $('explanation').textContent = `The coach could not help: ${error.message}`;
    } finally {
      $('generate').disabled = false;
    }
  };
}
